package dev.envoi.bench;

import dev.envoi.transport.HandOffGate;
import dev.envoi.transport.HandOffReceipt;
import dev.envoi.transport.MimeAssembler;
import dev.envoi.transport.OutgoingMessage;
import dev.envoi.transport.TransferException;
import dev.envoi.transport.TransientFailureException;
import dev.envoi.transport.Transport;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A transport that does all a real one does with the message (MIME assembly, every attachment
 * streamed from the vault, base64, progress, the hand-off gate) and then throws the bytes away: it
 * keeps disk and network out of benchmarks that measure the rest of Envoi.
 */
final class DiscardingTransport implements Transport {

    private final MimeAssembler assembler = new MimeAssembler();

    @Override
    public HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) throws TransferException {
        long expected = MimeAssembler.estimatedSize(message.content());
        Counter counter = new Counter(gate, expected);
        try {
            assembler.assemble(message).writeTo(counter);
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new TransientFailureException("discarding transport: " + e.getMessage(), e);
        }
        gate.checkNotCancelled();
        gate.handOff();
        return new HandOffReceipt("250 discarded " + counter.written + " bytes");
    }

    private static final class Counter extends OutputStream {
        private final HandOffGate gate;
        private final long expected;
        long written;

        Counter(HandOffGate gate, long expected) {
            this.gate = gate;
            this.expected = expected;
        }

        @Override
        public void write(int b) {
            written++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            written += length;
            gate.progress(written, expected);
        }
    }
}
