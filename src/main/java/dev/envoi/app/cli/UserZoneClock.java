package dev.envoi.app.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the user's time zone, which it looks up when something first asks for a
 * local time, not when the launcher starts. The first look-up in a process reads the time-zone
 * database and asks every jar on the class path for zone-rule providers (ZoneRulesProvider's
 * ServiceLoader opens each jar): 45–100 ms on the launcher's thread before the toolkit could
 * start, for a window start that reads no local time there (issue 21, docs/benchmarks.md).
 * Instants need no zone.
 */
final class UserZoneClock extends Clock {

    private volatile ZoneId zone;

    @Override
    public ZoneId getZone() {
        ZoneId known = zone;
        if (known == null) {
            known = ZoneId.systemDefault();
            zone = known;
        }
        return known;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.system(other);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
