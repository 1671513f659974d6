package dev.envoi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills Envoi with SIGKILL at random moments of saving, attaching, submitting, the undo window,
 * the transfer, the hand-off and the move to Sent, restarts it, and checks that nothing the user
 * was told about is lost and nothing is received twice. 20 trials here; {@code mvn -Preliability
 * verify} runs 200 ({@code -Denvoi.crash.trials=N} sets the number, {@code -Denvoi.seed=N} the
 * first trial's seed: a failure prints the seed that replays it).
 */
class CrashCampaignTest {

    @TempDir
    Path root;

    @Test
    void nothingIsLostAndNothingIsReceivedTwice() throws Exception {
        int trials = Integer.getInteger("envoi.crash.trials", 20);
        String fixed = System.getProperty("envoi.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        CrashCampaign campaign = new CrashCampaign();
        campaign.run(seed, trials, Integer.getInteger("envoi.crash.parallel", 2), root);
        String report = campaign.report(seed);
        System.out.println(report);
        Path out = Path.of("target", "reliability");
        Files.createDirectories(out);
        Files.writeString(out.resolve("crash-campaign.txt"), report + "\n", StandardCharsets.UTF_8);
        assertEquals(trials, campaign.total.trials);
        assertTrue(campaign.total.kills > 0, "some trials killed Envoi: " + report);
        assertTrue(campaign.failures.isEmpty(), report);
    }
}
