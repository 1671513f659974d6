package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Accounts;
import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettings;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.BlockStyle;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.message.rich.Span;
import dev.envoi.message.rich.TextStyle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Signatures put in and swapped on a real compose view-model over a real store. */
@Timeout(30)
class SignatureSwapTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String WORK = "\n\n-- \nÉmile Envoi\nWork Ltd, 06 12 34 56 78";
    private static final String HOME = "\n\n-- \nÉmile";

    @TempDir
    Path profile;
    private ComposeFixture fixture;
    private ComposeViewModel model;
    private SignatureSwap swap;
    private final Sender work = sender("work");
    private final Sender home = sender("home");
    private final Sender bare = sender("bare");

    private static Sender sender(String account) {
        return new Sender(new MailAddress("Émile Envoi", account + "@example.org"), Optional.of(account), false);
    }

    @BeforeEach
    void accountsWithSignatures() {
        fixture = new ComposeFixture(profile);
        for (String name : List.of("work", "home", "bare")) {
            fixture.store.accounts().put(Accounts.loopback(name, 2525));
        }
        fixture.store.writingSettings().put("work",
                new WritingSettings(Signature.plain("Émile Envoi\r\nWork Ltd, 06 12 34 56 78\n"), false));
        fixture.store.writingSettings().put("home", new WritingSettings(Signature.plain("Émile"), true));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (model != null) {
            model.dispose();
        }
        fixture.close();
    }

    private ComposeViewModel signed(Sender first) throws InterruptedException {
        ComposeViewModel m = fixture.newViewModel(ComposeSettings.DEFAULT, List.of(first, work, home, bare).stream()
                .distinct().toList());
        swap = SignatureSwap.attach(m.message(), fixture.store.writingSettings(), fixture.background, fixture.ui);
        return m;
    }


    @Test
    void aNewMessageGetsTheSignatureBelowTheDelimiterAndStaysEmpty() throws Exception {
        model = signed(work);
        fixture.ui.runUntil(() -> !model.message().bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        assertEquals(WORK, model.message().bodyProperty().get());
        assertFalse(model.message().dirtyProperty().get(), "the signature is not an edit of the user's");
        model.message().senderProperty().set(home);
        assertEquals(HOME, model.message().bodyProperty().get());
        assertTrue(model.requestClose());
        assertEquals(List.of(), fixture.dialogs.asked, "a message holding only its signature is empty: nothing to ask");
    }

    @Test
    void changingFromSwapsAnUneditedSignatureBelowTheText() throws Exception {
        model = signed(work);
        fixture.ui.runUntil(() -> !model.message().bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        model.message().bodyProperty().set("Dear Ann,\nsee you on Monday." + model.message().bodyProperty().get());

        model.message().senderProperty().set(home);
        assertEquals("Dear Ann,\nsee you on Monday." + HOME, model.message().bodyProperty().get());
        model.message().senderProperty().set(bare);
        assertEquals("Dear Ann,\nsee you on Monday.", model.message().bodyProperty().get(), "no signature: none left");
        model.message().senderProperty().set(work);
        assertEquals("Dear Ann,\nsee you on Monday." + WORK, model.message().bodyProperty().get());
        assertTrue(model.message().dirtyProperty().get(), "the text typed is still to be saved");
    }

    @Test
    void anEditedSignatureIsTheUsersAndStays() throws Exception {
        model = signed(work);
        fixture.ui.runUntil(() -> !model.message().bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        String edited = "Hi," + WORK.replace("Work Ltd", "Work Ltd (on leave)");
        model.message().bodyProperty().set(edited);

        model.message().senderProperty().set(home);
        assertEquals(edited, model.message().bodyProperty().get());
        String typedBelow = "Hi," + WORK + "\nPS: bring the keys";
        model.message().bodyProperty().set(typedBelow);
        model.message().senderProperty().set(work);
        model.message().senderProperty().set(bare);
        assertEquals(typedBelow, model.message().bodyProperty().get(), "text below the signature makes it the user's too");
    }

    @Test
    void aReopenedDraftKeepsItsBodyAndSwapsItsSignatureByTheSameRule() throws Exception {
        model = signed(work);
        fixture.ui.runUntil(() -> !model.message().bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        model.message().subjectProperty().set("Monday");
        model.message().bodyProperty().set("See you." + model.message().bodyProperty().get());
        model.message().saveDraft();
        fixture.ui.runUntil(() -> !model.message().dirtyProperty().get(), WAIT, "saved");
        EntryId draft = fixture.store.drafts().get(0).id();
        model.dispose();

        model = signed(home);
        model.message().open(draft);
        fixture.ui.runUntil(() -> model.message().subjectProperty().get().equals("Monday"), WAIT, "the draft is open");
        fixture.ui.runUntil(swap::ready, WAIT, "the signatures are read");
        assertEquals("See you." + WORK, model.message().bodyProperty().get(), "the draft's own signature, not another");
        assertEquals(work, model.message().senderProperty().get(), "the draft's From chose its account");

        model.message().senderProperty().set(home);
        assertEquals("See you." + HOME, model.message().bodyProperty().get());
    }

    @Test
    void aMessageFilledFromTheCommandLineIsSignedBelowItsText() throws Exception {
        ComposeViewModel m = fixture.newViewModel(ComposeSettings.DEFAULT, List.of(home, work));
        SignatureSwap.attach(m.message(), fixture.store.writingSettings(), fixture.background, fixture.ui);
        m.message().prefill(List.of(), "Hello", "Text from a mailto: link\n\n", List.of(), DeliveryRequests.NONE);
        model = m;
        fixture.ui.runUntil(() -> m.message().bodyProperty().get().endsWith(HOME), WAIT, "signed");
        assertEquals("Text from a mailto: link" + HOME, m.message().bodyProperty().get());
        m.message().fromProperty().set(MailAddress.of("stranger@example.org"));
        assertEquals("Text from a mailto: link", m.message().bodyProperty().get(), "an identity with no account has no signature");
    }

    @Test
    void theTextAboveKeepsItsFormattingAndAFormattedSignatureComesWithItsOwn() throws Exception {
        fixture.store.writingSettings().put("home", new WritingSettings(
                new Signature("<p><b>Émile</b> <i>at home</i></p>", Signature.Format.HTML), false));
        model = signed(work);
        fixture.ui.runUntil(() -> !model.message().bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        RichDocument typed = new RichDocument(List.of(new Block(BlockStyle.PARAGRAPH,
                List.of(new Span("Very ", TextStyle.PLAIN), new Span("important", TextStyle.PLAIN.withBold(true))))));
        RichDocument withSignature = new RichDocument(java.util.stream.Stream.concat(typed.blocks().stream(),
                RichDocument.ofPlain(WORK).blocks().stream().skip(1)).toList());
        model.message().bodyHtmlProperty().set(HtmlWriter.fragment(withSignature));
        model.message().bodyProperty().set(withSignature.plainText());

        model.message().senderProperty().set(home);
        assertEquals("Very important\n\n-- \nÉmile at home", model.message().bodyProperty().get());
        String html = model.message().bodyHtmlProperty().get();
        assertTrue(html.contains("<b>important</b>") && html.contains("<b>Émile</b>") && html.contains("<i>at home</i>"),
                html);

        model.message().senderProperty().set(bare);
        assertEquals("Very important", model.message().bodyProperty().get());
        assertEquals(HtmlWriter.fragment(typed), model.message().bodyHtmlProperty().get());
    }
}
