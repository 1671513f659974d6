package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.MailAddress;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-completion answers common prefixes by walking the book in use order (issue 21); it must
 * still offer exactly what sorting every match by use offered: the same addresses in the same
 * order, for common prefixes and rare ones, on a book of 20,000 addresses made by the real schema.
 */
class AutoCompletionRankingTest {

    @TempDir
    Path profile;

    @Test
    void commonAndRarePrefixesGetTheSameAddressesInTheSameOrderAsSortingEveryMatch() throws Exception {
        BigProfile.generate(profile, new BigProfile.Size(0, 20_000, 0, 0, 10), 21);
        Set<String> prefixes = new LinkedHashSet<>();
        for (char a = 'a'; a <= 'z'; a++) {
            prefixes.add(String.valueOf(a));
            prefixes.add(a + "e");
            prefixes.add(a + "a");
        }
        prefixes.addAll(List.of("É", "é", "anne", "Anne Z", "bruno.", "bruno.k", "zoé", "Zoé Ro", "karim.pa", "léa.",
                "rose ", "%", "_", "a_", "a%", "xq", "anne.bruno1", "Hugo Yannson"));
        int common = 0;
        int rare = 0;
        try (SqliteMessageStore store = SqliteMessageStore.open(profile);
             SortingEveryMatch before = SortingEveryMatch.open(profile)) {
            for (String prefix : prefixes) {
                for (int limit : new int[] {8, 30}) {
                    List<MailAddress> sorted = before.matching(prefix, limit);
                    assertEquals(sorted, store.knownAddresses(prefix, limit), "prefix \"" + prefix + "\", " + limit);
                }
                if (before.matching(prefix, AddressBook.CROWD).size() >= AddressBook.CROWD) {
                    common++;
                } else {
                    rare++;
                }
            }
        }
        assertTrue(common >= 20 && rare >= 10, "both ways were tried: " + common + " common, " + rare + " rare");
    }
}
