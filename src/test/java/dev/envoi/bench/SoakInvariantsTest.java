package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.store.ProfileAudit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of bar 5 (issue 21) in small, in the normal build, with no time measured: 2,000
 * messages through the real store, spooler and SmtpTransport, 1% refused, 1% retried, Sent kept to
 * its last 500. Every message is delivered or back in Drafts, retention keeps Sent at its limit,
 * the vault holds no file that no message uses and lacks none that one does, the ids' history
 * shrinks with the messages, and the WAL stays small (SQLite checkpoints it).
 */
class SoakInvariantsTest {

    private static final int MESSAGES = 2_000;
    private static final int KEEP = 500;

    @TempDir
    Path profile;

    @Test
    @Timeout(600)
    void twoThousandMessagesLeaveNoOrphanAndABoundedWal() throws Exception {
        Soak.Result result = Soak.run(profile, MESSAGES, 250, KEEP);

        assertEquals(MESSAGES / 100, result.refused());
        assertEquals(MESSAGES - result.refused(), result.delivered(), "every message not refused was delivered");
        ProfileAudit audit = ProfileAudit.of(profile);
        assertEquals(KEEP + result.refused(), audit.messages(), "Sent keeps " + KEEP + "; the refused are drafts");
        assertEquals(0, audit.orphanFiles(), "vault files no message uses: " + audit);
        assertEquals(0, audit.missingFiles(), "vault files missing: " + audit);
        assertTrue(audit.historyRows() <= 3 * audit.messages(), "the ids' history of deleted messages went: " + audit);
        long largestWal = result.chunks().stream().mapToLong(Soak.Chunk::walBytes).max().orElse(0);
        assertTrue(largestWal < 8L * 1024 * 1024, "the WAL grew to " + largestWal + " bytes");
    }
}
