package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.Attachment;
import dev.envoi.message.BodyFormatting;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.BlockKind;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.message.rich.Samples;
import dev.envoi.message.rich.TextStyle;
import dev.envoi.message.rich.Span;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import dev.envoi.store.MessageStore;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inline images (issue 20): an image in the body, kept in the vault like an attachment, survives
 * the draft, and is sent in a multipart/related beside the HTML part, its cid reference matching
 * the part's Content-ID and its bytes identical; an ordinary attachment stays one.
 */
@Timeout(60)
class InlineImageRoundTripTest {

    private static final Pattern CID = Pattern.compile("src=\"cid:([^\"]+)\"");

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
    void anImageInTheBodyGoesAsARelatedPartWithItsContentId() throws Exception {
        byte[] photo = new byte[120_000];
        new Random(3).nextBytes(photo);
        byte[] report = new byte[5_000];
        new Random(4).nextBytes(report);
        EntryId draftId;
        DraftContent content;
        try (SpoolHarness harness = new SpoolHarness(profile)) {
            Attachment image = harness.store.importAttachment("garden.png", new ByteArrayInputStream(photo));
            Attachment file = harness.store.importAttachment("report.bin", new ByteArrayInputStream(report));
            RichDocument document = new RichDocument(List.of(
                    Samples.block(BlockKind.PARAGRAPH, 0, new Span("Look at ", TextStyle.PLAIN),
                            new Span("this", TextStyle.PLAIN.withBold(true))),
                    Block.image(image.sha256(), image.fileName()),
                    Block.plain("Lovely, no?")));
            content = TestMessages.content("Garden", document.plainText(), List.of(image, file))
                    .withBody(document.plainText(), new BodyFormatting(HtmlWriter.fragment(document), false));
            Draft draft = new Draft(content);
            harness.store.save(draft);
            draftId = draft.id();
        }
        try (SpoolHarness harness = new SpoolHarness(profile)) {
            Draft reopened = harness.store.openDraft(draftId);
            assertEquals(content, reopened.content(), "the draft keeps the image in its body");
            harness.start(new SmtpTransport(account(), a -> Optional.empty(), SmtpFaultTest.QUICK, ServerTrust.system()));
            EntryId queued = harness.store.submit(draftId, MessageStore.SubmitOptions.undo(Duration.ZERO));
            MessageFate fate = harness.awaitOutcome(queued);
            assertEquals(Folder.SENT, fate.folder(), fate.toString());
        }
        assertTrue(mail.waitForIncomingEmail(5000, 1));
        MimeMessage received = mail.getReceivedMessages()[0];
        assertTrue(received.isMimeType("multipart/mixed"), received.getContentType());
        Multipart mixed = (Multipart) received.getContent();
        assertEquals(2, mixed.getCount(), "the body and the one ordinary attachment");
        assertEquals("report.bin", mixed.getBodyPart(1).getFileName());
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertTrue(mixed.getBodyPart(0).isMimeType("multipart/alternative"));
        assertTrue(((String) alternative.getBodyPart(0).getContent()).contains("[image: garden.png]"));
        BodyPart relatedHolder = alternative.getBodyPart(1);
        assertTrue(relatedHolder.isMimeType("multipart/related"), relatedHolder.getContentType());
        Multipart related = (Multipart) relatedHolder.getContent();
        assertEquals(2, related.getCount());
        String html = (String) related.getBodyPart(0).getContent();
        assertTrue(related.getBodyPart(0).isMimeType("text/html"));
        Matcher cid = CID.matcher(html);
        assertTrue(cid.find(), html);
        MimeBodyPart imagePart = (MimeBodyPart) related.getBodyPart(1);
        assertEquals("<" + cid.group(1) + ">", imagePart.getContentID(), "the cid reference names the image part");
        assertEquals(Part.INLINE, imagePart.getDisposition());
        assertTrue(imagePart.isMimeType("image/png"), imagePart.getContentType());
        try (InputStream in = imagePart.getInputStream()) {
            assertArrayEquals(photo, in.readAllBytes(), "the image bytes arrive identical");
        }
    }

    private Account account() {
        return new Account("greenmail", new MailAddress("Émile Envoi", "emile@example.org"), "localhost",
                mail.getSmtp().getPort(), SmtpSecurity.NONE, "", AuthMethod.NONE, 0, false, false, false, "", false);
    }
}
