package dev.envoi.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs crash trials one after another, each with the seed that follows the last one's, and adds
 * up their figures. A broken promise is kept with the seed of its trial, which replays it first.
 */
final class CrashCampaign {

    record Failure(TrialPlan plan, List<String> violations) {
        @Override
        public String toString() {
            return plan + " (replay with -Denvoi.seed=" + plan.seed() + "):\n  - " + String.join("\n  - ", violations);
        }
    }

    /** Makes one trial of the campaign: its plan and its own folder. */
    interface Trials {
        TrialResult run(TrialPlan plan, Path folder) throws Exception;
    }

    private final String name;
    private final Trials trials;
    final TrialResult total = new TrialResult();
    final Map<KillPoint, Integer> trialsPerPoint = new EnumMap<>(KillPoint.class);
    final Map<SmtpTrouble, Integer> trialsPerTrouble = new EnumMap<>(SmtpTrouble.class);
    final List<Failure> failures = new ArrayList<>();

    CrashCampaign() {
        this("Crash campaign", (plan, folder) -> new CrashTrial(plan, folder).run());
    }

    CrashCampaign(String name, Trials trials) {
        this.name = name;
        this.trials = trials;
    }

    /** Runs the trials, {@code parallel} at a time (each has its own profile, server and processes). */
    void run(long firstSeed, int count, int parallel, Path root) throws Exception {
        run(firstSeed, count, parallel, root, null);
    }

    /** As above, every trial killed at {@code forced} when it is given. */
    void run(long firstSeed, int count, int parallel, Path root, KillPoint forced) throws Exception {
        List<TrialPlan> plans = new ArrayList<>();
        long seed = firstSeed;
        for (int i = 0; i < count; i++) {
            plans.add(TrialPlan.from(seed, forced));
            seed = TrialPlan.next(seed);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<TrialResult>> results = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                TrialPlan plan = plans.get(i);
                Path folder = Files.createDirectories(root.resolve("trial-" + i));
                results.add(pool.submit(() -> trials.run(plan, folder)));
            }
            for (int i = 0; i < plans.size(); i++) {
                record(plans.get(i), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void record(TrialPlan plan, TrialResult result) {
        total.add(result);
        trialsPerPoint.merge(plan.killPoint(), 1, Integer::sum);
        trialsPerTrouble.merge(plan.trouble(), 1, Integer::sum);
        if (!result.violations.isEmpty()) {
            failures.add(new Failure(plan, result.violations));
        }
    }

    String report(long firstSeed) {
        return name + " from seed " + firstSeed + ": " + total.figures() + "\nkill points: " + trialsPerPoint
                + "\nserver trouble: " + trialsPerTrouble + "\nbroken promises: " + failures.size()
                + (failures.isEmpty() ? "" : "\n" + String.join("\n", failures.stream().map(Failure::toString).toList()));
    }
}
