package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.rich.FlowedWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.message.rich.Samples;
import dev.envoi.richtext.HtmlReader;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import dev.envoi.store.SqliteMessageStore;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format → draft → reopen (a new store on the same file) → send to GreenMail → parse the MIME back
 * with Jakarta Mail: the same text and the same formatting in both parts (issue 20).
 */
@Timeout(60)
class RichBodyRoundTripTest {

    @TempDir
    Path profile;
    private GreenMail mail;

    @BeforeEach
    void setUp() {
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));
        mail.start();
    }

    @AfterEach
    void tearDown() {
        mail.stop();
    }

    @Test
    void theFormattingSurvivesTheDraftAndTheServer() throws Exception {
        RichDocument document = Samples.everything();
        DraftContent content = RichBodyMimeTest.formatted(document, false);
        EntryId draftId;
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            Draft draft = new Draft(content);
            store.save(draft);
            draftId = draft.id();
        }
        try (SpoolHarness harness = new SpoolHarness(profile)) {
            Draft reopened = harness.store.openDraft(draftId);
            assertEquals(content, reopened.content(), "the draft keeps text and formatting exactly");
            Account account = new Account("greenmail", new MailAddress("Émile Envoi", "emile@example.org"), "localhost",
                    mail.getSmtp().getPort(), SmtpSecurity.NONE, "", AuthMethod.NONE, 0, false, false, false, "", false);
            harness.start(new SmtpTransport(account, a -> Optional.empty(), SmtpFaultTest.QUICK, ServerTrust.system()));
            EntryId queued = harness.store.submit(reopened.id(), dev.envoi.store.MessageStore.SubmitOptions.undo(
                    java.time.Duration.ZERO));
            MessageFate fate = harness.awaitOutcome(queued);
            assertEquals(Folder.SENT, fate.folder(), fate.toString());
        }
        assertTrue(mail.waitForIncomingEmail(5000, 1));
        MimeMessage received = mail.getReceivedMessages()[0];
        Multipart alternatives = (Multipart) received.getContent();
        String plain = ((String) alternatives.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertEquals(FlowedWriter.write(document).replace("\r\n", "\n"), plain);
        assertTrue(alternatives.getBodyPart(0).getContentType().contains("format=flowed"));
        String html = (String) alternatives.getBodyPart(1).getContent();
        assertEquals(document, HtmlReader.readStored(html), "the HTML part reads back to the same formatted text");
    }
}
