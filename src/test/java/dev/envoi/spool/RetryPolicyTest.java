package dev.envoi.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theWaitDoublesFromQuickRetriesUpToAnHour() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(15), Duration.ofHours(1), 0, new Random(1));
        assertEquals(Duration.ofSeconds(15), policy.waitAfter(1));
        assertEquals(Duration.ofSeconds(30), policy.waitAfter(2));
        assertEquals(Duration.ofSeconds(60), policy.waitAfter(3));
        assertEquals(Duration.ofSeconds(1920), policy.waitAfter(8));
        assertEquals(Duration.ofHours(1), policy.waitAfter(9));
        assertEquals(Duration.ofHours(1), policy.waitAfter(500));
    }

    @Test
    void jitterSpreadsTheWaitWithinItsBounds() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(100), Duration.ofHours(1), 0.2, new Random(42));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1000; i++) {
            long millis = policy.waitAfter(1).toMillis();
            min = Math.min(min, millis);
            max = Math.max(max, millis);
        }
        assertTrue(min >= 80_000 && max <= 120_000, min + ".." + max);
        assertTrue(max - min > 30_000, "the waits are spread, not all equal");
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ZERO, Duration.ofHours(1), 0, new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), 0, new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1), 1.5, new Random()));
    }
}
