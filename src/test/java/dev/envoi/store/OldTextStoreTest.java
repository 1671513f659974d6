package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Accounts;
import dev.envoi.message.AddressParser;
import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.ParsedAddress;
import dev.envoi.message.RecipientType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text an older Envoi let in (a bidirectional control in a name or a file name, a control in a
 * subject) still loads from the profile, whole: the rule applies where text enters, not where the
 * store reads its own rows back. Nothing in the profile is lost to a newer rule.
 */
class OldTextStoreTest {

    private static final String FROM_NAME = "Émile\u202eEnvoi";
    private static final String TO_NAME = "Jane\u2067Doe";
    private static final String FILE_NAME = "invoice\u202efdp.exe";
    private static final String SUBJECT = "Bell\u0007 and \u200fmark";

    @TempDir
    Path profile;

    @Test
    void draftsOutboxSentAddressBookAndAccountsSavedWithControlsLoadWhole() throws Exception {
        EntryId draftId;
        EntryId queuedId;
        EntryId sentId;
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            store.accounts().put(Accounts.loopback("home", 2525));
            Attachment file = store.importAttachment("invoice.pdf",
                    new ByteArrayInputStream("%PDF".getBytes(StandardCharsets.US_ASCII)));
            Draft draft = new Draft(Drafts.simple("draft").withAttachments(List.of(file)));
            store.save(draft);
            draftId = draft.id();
            queuedId = store.submit(Drafts.draft("queued"), MessageStore.SubmitOptions.DEFAULT);
            EntryId toBeSent = store.submit(Drafts.draft("sent"), MessageStore.SubmitOptions.DEFAULT);
            sql("UPDATE message SET state = 'UNCERTAIN' WHERE entry_id = ?", toBeSent.value());
            store.markSent(toBeSent);
            sentId = store.sent().get(0).id();
        }
        // What an older Envoi wrote: the same rows, with the characters today's rule refuses.
        sql("UPDATE message SET from_name = ?, subject = ?", FROM_NAME, SUBJECT);
        sql("UPDATE recipient SET display_name = ?", TO_NAME);
        sql("UPDATE attachment SET file_name = ?", FILE_NAME);
        sql("UPDATE address_book SET display_name = ?", TO_NAME);
        sql("UPDATE account SET display_name = ?", FROM_NAME);

        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals(SUBJECT, store.drafts().get(0).subject());
            assertEquals(TO_NAME, store.drafts().get(0).to().get(0).displayName());
            OutboxEntry queued = store.outbox().stream().filter(e -> e.id().equals(queuedId)).findFirst().orElseThrow();
            assertEquals(SUBJECT, queued.subject());
            assertEquals(TO_NAME, queued.to().get(0).displayName());
            assertEquals(SUBJECT, store.sent().get(0).subject());

            DraftContent opened = store.openDraft(draftId).content();
            assertEquals(FROM_NAME, opened.from().displayName());
            assertEquals(TO_NAME, opened.recipientsOf(RecipientType.TO).get(0).displayName());
            assertEquals(FILE_NAME, opened.attachments().get(0).fileName());
            assertEquals(SUBJECT, opened.subject());

            DraftContent sent = store.sentContent(sentId);
            assertEquals(FROM_NAME, sent.from().displayName());
            assertEquals(TO_NAME, sent.recipientsOf(RecipientType.TO).get(0).displayName());

            assertEquals(TO_NAME, store.knownAddresses("jane", 5).get(0).displayName());
            assertEquals(FROM_NAME, store.accounts().find("home").orElseThrow().identity().displayName());
        }
    }

    @Test
    void theOldDraftIsKeptButDoesNotLeaveWithTheControlStillInIt() throws Exception {
        EntryId draftId;
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            Draft draft = Drafts.draft("draft");
            store.save(draft);
            draftId = draft.id();
        }
        sql("UPDATE recipient SET display_name = ?", TO_NAME);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            Draft old = store.openDraft(draftId);
            // Saved again from the window: the store hashes what it keeps, so the check sees the name.
            store.save(old);
            StoreException refused = assertThrows(StoreException.class,
                    () -> store.submit(old.id(), MessageStore.SubmitOptions.DEFAULT));
            assertTrue(refused.getMessage().contains("U+2067"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Jane\\u2067Doe"), refused.getMessage());
            assertEquals(TO_NAME, store.openDraft(old.id()).content().recipients().get(0).address().displayName());
        }
    }

    @Test
    void aNewNameOrFileWithABidiControlIsStillRefusedWithItsReason() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            AttachmentRejectedException file = assertThrows(AttachmentRejectedException.class,
                    () -> store.importAttachment(FILE_NAME, new ByteArrayInputStream(new byte[1])));
            assertTrue(file.getMessage().contains("reverses the text direction"), file.getMessage());
        }
        ParsedAddress typed = AddressParser.parseList("\"" + TO_NAME + "\" <jane@example.org>").get(0);
        assertInstanceOf(ParsedAddress.Invalid.class, typed);
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> MailAddress.entered(TO_NAME, "jane@example.org"));
        assertTrue(option.getMessage().contains("U+2067"), option.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MailAddress("Jane\nBcc: x", "jane@example.org"));
        assertThrows(IllegalArgumentException.class, () -> new Attachment("a\r\nb", "text/plain", 1, "0".repeat(64)));
    }

    private void sql(String statement, String... values) throws Exception {
        Path db = profile.resolve(SqliteMessageStore.DATABASE_FILE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
