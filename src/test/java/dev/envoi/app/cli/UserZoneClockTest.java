package dev.envoi.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The launcher's clock looks its zone up late, and is the system clock in the user's zone all the same. */
class UserZoneClockTest {

    @Test
    void itIsTheSystemClockInTheUsersZone() {
        UserZoneClock clock = new UserZoneClock();
        Instant before = Instant.now();
        Instant now = clock.instant();
        assertTrue(!now.isBefore(before) && Duration.between(before, now).toSeconds() < 5, now + " against " + before);
        assertEquals(ZoneId.systemDefault(), clock.getZone());
        assertEquals(ZoneOffset.UTC, clock.withZone(ZoneOffset.UTC).getZone());
        assertEquals(ZoneId.systemDefault(), Terminal.system().clock().getZone(), "the terminal's clock");
    }
}
