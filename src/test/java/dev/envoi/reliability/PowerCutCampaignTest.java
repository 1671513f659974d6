package dev.envoi.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash campaign on a file system that loses, at each kill, everything not synced (a power
 * cut): nothing acknowledged is lost, nothing received twice, the database always passes
 * integrity_check, no vault or pickup file is half there. 6 trials (about 13 cuts) here;
 * {@code mvn -Preliability verify} runs 150 (over 300 cuts). {@code -Denvoi.powercut.trials=N},
 * {@code -Denvoi.seed=N} as for the crash campaign. Skipped, saying why, where FUSE cannot mount.
 */
class PowerCutCampaignTest {

    @TempDir
    Path root;

    @Test
    void aPowerCutLosesNothingAcknowledgedAndDuplicatesNothing() throws Exception {
        Optional<String> unavailable = PowerCutFs.unavailableReason(root);
        if (unavailable.isPresent()) {
            System.out.println("Power-cut campaign skipped: " + unavailable.get());
        }
        assumeTrue(unavailable.isEmpty(), () -> "Power-cut campaign skipped: " + unavailable.orElse(""));
        int trials = Integer.getInteger("envoi.powercut.trials", 6);
        String fixed = System.getProperty("envoi.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        PowerCutFigures figures = new PowerCutFigures();
        CrashCampaign campaign = new CrashCampaign("Power-cut campaign",
                (plan, folder) -> new PowerCutTrial(plan, folder, figures).run());
        campaign.run(seed, trials, Integer.getInteger("envoi.crash.parallel", 2), root);
        String report = campaign.report(seed) + "\n" + figures;
        System.out.println(report);
        Path out = Path.of("target", "reliability");
        Files.createDirectories(out);
        Files.writeString(out.resolve("power-cut-campaign.txt"), report + "\n", StandardCharsets.UTF_8);
        assertTrue(figures.cuts.get() >= 2 * trials, "every trial cut the power at least twice: " + report);
        assertTrue(campaign.failures.isEmpty(), report);
    }
}
