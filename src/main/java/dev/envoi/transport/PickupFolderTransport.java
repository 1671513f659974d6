package dev.envoi.transport;

import dev.envoi.files.Durability;
import dev.envoi.files.OwnerOnly;
import dev.envoi.i18n.Sentences;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The embedded default transport: each message becomes a complete .eml file in a folder that a
 * mail system (or a person) picks up. It is written to a hidden temporary file, synced, and only
 * after the hand-off is recorded renamed atomically into place, so the folder never shows a
 * half-written message and a cancelled one never appears at all. The file starts with the
 * envelope ({@link PickupEnvelope}) and has CRLF line ends throughout, as RFC 5322 writes them.
 */
public final class PickupFolderTransport implements Transport {

    private static final Sentences WORDS = Sentences.of(PickupFolderTransport.class);

    private static final String TEMP_FOLDER = ".incoming";

    private final Path folder;
    private final MimeAssembler assembler = new MimeAssembler();

    public PickupFolderTransport(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) throws TransferException {
        Path temp = writeTemporaryFile(message, gate);
        try {
            gate.handOff();
        } catch (TransferCancelledException e) {
            deleteQuietly(temp);
            throw e;
        }
        try {
            Path target = PickupFileNames.freeName(folder, message.messageId());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Durability.syncDirectory(folder);
            return new HandOffReceipt(WORDS.get("receipt.pickup", target));
        } catch (IOException e) {
            throw new UncertainDeliveryException(WORDS.get("pickup.moveFailed", folder, e.getMessage(), temp), e);
        }
    }

    private Path writeTemporaryFile(OutgoingMessage message, HandOffGate gate) throws TransferException {
        Path temp = null;
        try {
            Path tempFolder = folder.resolve(TEMP_FOLDER);
            // Owner-only, and each folder it makes synced into its parent: the first message makes
            // the folder, and a power cut would otherwise take it, with every message renamed into it.
            OwnerOnly.createDirectories(tempFolder);
            temp = Files.createTempFile(tempFolder, "message-", ".eml.part");
            MimeMessage mime = assembler.assemble(message);
            long expected = MimeAssembler.estimatedSize(message.content());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new GatedOutputStream(Channels.newOutputStream(channel), gate, expected)) {
                PickupEnvelope.write(message.content(), out);
                mime.writeTo(out);
                out.flush();
                channel.force(true);
            }
            gate.checkNotCancelled();
            return temp;
        } catch (GatedOutputStream.CancelledIOException e) {
            deleteQuietly(temp);
            throw e.cancel();
        } catch (TransferCancelledException e) {
            deleteQuietly(temp);
            throw e;
        } catch (IOException | MessagingException e) {
            deleteQuietly(temp);
            throw new TransientFailureException(WORDS.get("pickup.writeFailed", folder, PickupFileNames.describe(e)),
                    e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Left in the hidden temporary folder, never under a real name.
            }
        }
    }
}
