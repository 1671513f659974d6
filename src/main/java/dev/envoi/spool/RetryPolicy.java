package dev.envoi.spool;

import java.time.Duration;
import java.util.Random;

/**
 * When to try again after a transient failure: quickly at first (the user may be watching), then
 * doubling up to a ceiling of about an hour, each wait spread by a random jitter so that many
 * clients coming back after an outage do not retry in step.
 */
public record RetryPolicy(Duration firstWait, Duration maxWait, double jitter, Random random) {

    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(15), Duration.ofHours(1), 0.2, new Random());
    }

    public RetryPolicy {
        if (firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("need 0 < firstWait <= maxWait");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    public Duration waitAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        long base = Math.min(firstWait.toMillis() << doublings, maxWait.toMillis());
        if (base < 0) {
            base = maxWait.toMillis();
        }
        double spread = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.round(base * spread));
    }
}
