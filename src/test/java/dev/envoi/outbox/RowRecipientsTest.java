package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.store.MessageSummary;
import dev.envoi.ui.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A row's recipients, joined by a loop since issue 21's scrolling work, read as the joining stream made them. */
class RowRecipientsTest {

    private final RowTexts rows = new RowTexts(Texts.of(OutboxController.class, Locale.ENGLISH));

    @Test
    void namesOrAddressesJoinedByCommasTheirControlsShown() {
        List<MailAddress> to = List.of(new MailAddress("Jane Doe", "jane@example.org"), MailAddress.of("bob@example.org"),
                new MailAddress("Eve\u202Egpj.exe", "eve@example.org"));
        assertEquals("Jane Doe, bob@example.org, Eve\\u202egpj.exe", rows.folderRow(summary(to), false).recipients());
        assertEquals("bob@example.org", rows.folderRow(summary(to.subList(1, 2)), false).recipients());
        assertEquals("", rows.folderRow(summary(List.of()), false).recipients());
    }

    private static MessageSummary summary(List<MailAddress> to) {
        return new MessageSummary(EntryId.random(), "Hello", to, 1234, Instant.ofEpochSecond(1_800_000_000L), "", "<id@x>",
                Optional.empty());
    }
}
