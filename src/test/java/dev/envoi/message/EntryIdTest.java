package dev.envoi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids made in time order sort in time order, keep the form users type, and do not repeat. */
class EntryIdTest {

    @Test
    void anIdMadeLaterSortsAfter() {
        long now = 1_796_000_000_000L;
        for (long later : new long[] {1, 31, 32, 1_000, 86_400_000L}) {
            EntryId first = EntryId.timeOrdered(now);
            EntryId second = EntryId.timeOrdered(now + later);
            assertTrue(first.value().compareTo(second.value()) < 0, first + " before " + second);
        }
    }

    @Test
    void idsOfTheSameMillisecondDifferAndKeepTheTypedForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            EntryId id = EntryId.timeOrdered(1_796_000_000_000L);
            assertEquals(id, EntryId.parseOrNull(id.value().toUpperCase(java.util.Locale.ROOT)));
            assertTrue(seen.add(id.value()), "repeated: " + id);
        }
        assertNotEquals(EntryId.timeOrdered(0).value(), EntryId.timeOrdered(0).value());
    }
}
