package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envoi.reliability.PowerCutFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message the pickup folder took (transfer returned its receipt, so Envoi files it in Sent) is
 * still there, whole, after a power cut: on the power-cut file system, which keeps only what was
 * synced, names included.
 */
class PickupPowerCutTest {

    @TempDir
    Path root;

    @Test
    void aHandedOverMessageIsInTheNewPickupFolderAfterAPowerCut() throws Exception {
        assumeTrue(PowerCutFs.unavailableReason(root).isEmpty(), () -> "skipped: " + PowerCutFs.unavailableReason(root));
        Path live = Files.createDirectories(root.resolve("live").resolve("profile")).getParent();
        Path disk = Files.createDirectories(root.resolve("disk"));
        TestMessages messages = new TestMessages();
        OutgoingMessage outgoing = messages.outgoing(TestMessages.content("Kept", "Body kept whole.\n", List.of()));
        Path image;
        try (PowerCutFs fs = PowerCutFs.mount(live, disk, root.resolve("image"), 1, false)) {
            // The profile is old (on the disk already); its pickup folder is made by this first message.
            new PickupFolderTransport(disk.resolve("profile").resolve("pickup")).transfer(outgoing, new RecordingGate());
            fs.cut();
            image = fs.image();
        }
        Path pickup = image.resolve("profile").resolve("pickup");
        assertTrue(Files.isDirectory(pickup), "the pickup folder survived the cut");
        try (Stream<Path> files = Files.list(pickup)) {
            List<Path> emls = files.filter(f -> f.toString().endsWith(".eml")).toList();
            assertEquals(1, emls.size(), "the message survived the cut");
            String raw = Files.readString(emls.get(0));
            assertTrue(raw.contains("Body kept whole."), raw);
            assertTrue(raw.contains(outgoing.messageId()), raw);
        }
    }
}
