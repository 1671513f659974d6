package dev.envoi.spool;

import dev.envoi.message.Attachment;
import dev.envoi.transport.HandOffGate;
import dev.envoi.transport.HandOffReceipt;
import dev.envoi.transport.OutgoingMessage;
import dev.envoi.transport.TransferException;
import dev.envoi.transport.Transport;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transport for spooler tests, where the spooler (not a protocol) is what is tested. It reads
 * every attachment like a real transport, asks the gate like one, and "commits" by recording the
 * message; each transfer can be scripted to fail before or after the hand-off point.
 */
public final class ScriptedTransport implements Transport {

    /** What the next transfer does. */
    public interface Step {
        HandOffReceipt run(OutgoingMessage message, HandOffGate gate, List<OutgoingMessage> committed)
                throws TransferException;
    }

    public static final Step DELIVER = (message, gate, committed) -> {
        gate.checkNotCancelled();
        gate.handOff();
        committed.add(message);
        return new HandOffReceipt("250 2.0.0 queued as " + committed.size());
    };

    public final List<OutgoingMessage> committed = new CopyOnWriteArrayList<>();
    private final Deque<Step> script = new ArrayDeque<>();

    public synchronized ScriptedTransport then(Step step) {
        script.add(step);
        return this;
    }

    public static Step failBeforeHandOff(TransferException e) {
        return (message, gate, committed) -> {
            gate.checkNotCancelled();
            throw e;
        };
    }

    public static Step failAfterHandOff(TransferException e) {
        return (message, gate, committed) -> {
            gate.handOff();
            throw e;
        };
    }

    @Override
    public HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) throws TransferException {
        for (Attachment attachment : message.content().attachments()) {
            try (InputStream in = message.attachments().open(attachment)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                throw new dev.envoi.transport.TransientFailureException("cannot read " + attachment.fileName(), e);
            }
        }
        Step step;
        synchronized (this) {
            step = script.isEmpty() ? DELIVER : script.poll();
        }
        return step.run(message, gate, committed);
    }
}
