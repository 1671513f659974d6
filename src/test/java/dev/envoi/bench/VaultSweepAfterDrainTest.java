package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 8's drain row (issue 21, bar 2): the spooler's start used to sweep the attachment
 * vault (read every attachment row, walk every file) before it took its first message, work that
 * grows with the profile (10,000 files in a year of mail) and counted in every drain and in the
 * first hand-off after each start. The sweep now waits until the queue is drained. Seen from the
 * spooler's own thread, no clock: while it reads each queued message's attachment, a day-old
 * file no message uses must still be there; once the spooler is idle, it must be gone.
 */
class VaultSweepAfterDrainTest {

    private static final int QUEUED = 5;

    @TempDir
    Path profile;

    @Test
    @Timeout(120)
    void theVaultIsSweptOnceTheQueueIsDrainedNotBeforeTheFirstMessage() throws Exception {
        List<Boolean> orphanThereDuringTransfers = new ArrayList<>();
        Path orphan;
        try (SinkSmtpServer sink = SinkSmtpServer.start();
             SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            Attachment unused = store.importAttachment("left-behind.pdf", new ByteArrayInputStream(new byte[] {1, 2, 3}));
            orphan = vaultFile(unused);
            Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
            for (int i = 0; i < QUEUED; i++) {
                Attachment attachment = store.importAttachment("scan-" + i + ".pdf",
                        new ByteArrayInputStream(("page " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                store.submit(new Draft(SmtpPeers.tenKilobytes(i).withAttachments(List.of(attachment))),
                        SubmitOptions.undo(Duration.ZERO));
            }
            // The spooler's own reads of the attachments, on its thread, in the middle of each transfer.
            try (Spooler spooler = new Spooler(store, SmtpPeers.envoi(sink), attachment -> {
                orphanThereDuringTransfers.add(Files.exists(orphan));
                return store.readAttachment(attachment);
            }, RetryPolicy.standard(), Clock.systemUTC(), TransferProgress.NONE)) {
                spooler.start();
                assertTrue(sink.awaitMessages(QUEUED, Duration.ofMinutes(1)), "every queued message went");
                assertTrue(spooler.awaitIdle(Duration.ofMinutes(1)));
            }
        }
        assertEquals(List.of(true, true, true, true, true), orphanThereDuringTransfers,
                "the unused day-old file was still in the vault while each queued message was sent");
        assertTrue(Files.notExists(orphan), "swept once the queue was drained");
    }

    private Path vaultFile(Attachment attachment) {
        return profile.resolve(SqliteMessageStore.VAULT_FOLDER).resolve(attachment.sha256().substring(0, 2))
                .resolve(attachment.sha256());
    }
}
