package dev.envoi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash campaign aimed at the copy step: every trial kills Envoi (SIGKILL) after the copy went
 * into the server's Sent folder and before its record committed, restarts it, and checks the
 * folder has the message once, recorded done. The random campaign ({@link CrashCampaignTest})
 * also draws this point among the others.
 */
class SentCopyCrashTest {

    @TempDir
    Path root;

    @Test
    void aKillBetweenAppendAndItsRecordNeverLeavesTwoCopies() throws Exception {
        int trials = Integer.getInteger("envoi.copy.trials", 4);
        String fixed = System.getProperty("envoi.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        CrashCampaign campaign = new CrashCampaign();
        campaign.run(seed, trials, 2, root, KillPoint.COPY);
        String report = campaign.report(seed);
        System.out.println(report);
        assertEquals(trials, campaign.total.trials);
        // A trial may be killed once more during its restart, so at least one kill each.
        assertTrue(campaign.total.kills >= trials, "every trial was killed in the copy step: " + report);
        assertTrue(campaign.failures.isEmpty(), report);
    }
}
