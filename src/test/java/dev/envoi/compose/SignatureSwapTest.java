package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Accounts;
import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettings;
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
        swap = SignatureSwap.attach(m, fixture.store.writingSettings(), fixture.background, fixture.ui);
        return m;
    }


    @Test
    void aNewMessageGetsTheSignatureBelowTheDelimiterAndStaysEmpty() throws Exception {
        model = signed(work);
        fixture.ui.runUntil(() -> !model.bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        assertEquals(WORK, model.bodyProperty().get());
        assertFalse(model.dirtyProperty().get(), "the signature is not an edit of the user's");
        model.senderProperty().set(home);
        assertEquals(HOME, model.bodyProperty().get());
        assertTrue(model.requestClose());
        assertEquals(List.of(), fixture.dialogs.asked, "a message holding only its signature is empty: nothing to ask");
    }

    @Test
    void changingFromSwapsAnUneditedSignatureBelowTheText() throws Exception {
        model = signed(work);
        fixture.ui.runUntil(() -> !model.bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        model.bodyProperty().set("Dear Ann,\nsee you on Monday." + model.bodyProperty().get());

        model.senderProperty().set(home);
        assertEquals("Dear Ann,\nsee you on Monday." + HOME, model.bodyProperty().get());
        model.senderProperty().set(bare);
        assertEquals("Dear Ann,\nsee you on Monday.", model.bodyProperty().get(), "no signature: none left");
        model.senderProperty().set(work);
        assertEquals("Dear Ann,\nsee you on Monday." + WORK, model.bodyProperty().get());
        assertTrue(model.dirtyProperty().get(), "the text typed is still to be saved");
    }

    @Test
    void anEditedSignatureIsTheUsersAndStays() throws Exception {
        model = signed(work);
        fixture.ui.runUntil(() -> !model.bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        String edited = "Hi," + WORK.replace("Work Ltd", "Work Ltd (on leave)");
        model.bodyProperty().set(edited);

        model.senderProperty().set(home);
        assertEquals(edited, model.bodyProperty().get());
        String typedBelow = "Hi," + WORK + "\nPS: bring the keys";
        model.bodyProperty().set(typedBelow);
        model.senderProperty().set(work);
        model.senderProperty().set(bare);
        assertEquals(typedBelow, model.bodyProperty().get(), "text below the signature makes it the user's too");
    }

    @Test
    void aReopenedDraftKeepsItsBodyAndSwapsItsSignatureByTheSameRule() throws Exception {
        model = signed(work);
        fixture.ui.runUntil(() -> !model.bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        model.subjectProperty().set("Monday");
        model.bodyProperty().set("See you." + model.bodyProperty().get());
        model.saveDraft();
        fixture.ui.runUntil(() -> !model.dirtyProperty().get(), WAIT, "saved");
        EntryId draft = fixture.store.drafts().get(0).id();
        model.dispose();

        model = signed(home);
        model.open(draft);
        fixture.ui.runUntil(() -> model.subjectProperty().get().equals("Monday"), WAIT, "the draft is open");
        fixture.ui.runUntil(swap::ready, WAIT, "the signatures are read");
        assertEquals("See you." + WORK, model.bodyProperty().get(), "the draft's own signature, not another");
        assertEquals(work, model.senderProperty().get(), "the draft's From chose its account");

        model.senderProperty().set(home);
        assertEquals("See you." + HOME, model.bodyProperty().get());
    }

    @Test
    void aMessageFilledFromTheCommandLineIsSignedBelowItsText() throws Exception {
        ComposeViewModel m = fixture.newViewModel(ComposeSettings.DEFAULT, List.of(home, work));
        SignatureSwap.attach(m, fixture.store.writingSettings(), fixture.background, fixture.ui);
        m.prefill(List.of(), "Hello", "Text from a mailto: link\n\n", List.of());
        model = m;
        fixture.ui.runUntil(() -> m.bodyProperty().get().endsWith(HOME), WAIT, "signed");
        assertEquals("Text from a mailto: link" + HOME, m.bodyProperty().get());
        m.fromProperty().set(MailAddress.of("stranger@example.org"));
        assertEquals("Text from a mailto: link", m.bodyProperty().get(), "an identity with no account has no signature");
    }

    @Test
    void theTextAboveKeepsItsFormattingAndAFormattedSignatureComesWithItsOwn() throws Exception {
        fixture.store.writingSettings().put("home", new WritingSettings(
                new Signature("<p><b>Émile</b> <i>at home</i></p>", Signature.Format.HTML), false));
        model = signed(work);
        fixture.ui.runUntil(() -> !model.bodyProperty().get().isEmpty(), WAIT, "the signature is in");
        RichDocument typed = new RichDocument(List.of(new Block(BlockStyle.PARAGRAPH,
                List.of(new Span("Very ", TextStyle.PLAIN), new Span("important", TextStyle.PLAIN.withBold(true))))));
        RichDocument withSignature = new RichDocument(java.util.stream.Stream.concat(typed.blocks().stream(),
                RichDocument.ofPlain(WORK).blocks().stream().skip(1)).toList());
        model.bodyHtmlProperty().set(HtmlWriter.fragment(withSignature));
        model.bodyProperty().set(withSignature.plainText());

        model.senderProperty().set(home);
        assertEquals("Very important\n\n-- \nÉmile at home", model.bodyProperty().get());
        String html = model.bodyHtmlProperty().get();
        assertTrue(html.contains("<b>important</b>") && html.contains("<b>Émile</b>") && html.contains("<i>at home</i>"),
                html);

        model.senderProperty().set(bare);
        assertEquals("Very important", model.bodyProperty().get());
        assertEquals(HtmlWriter.fragment(typed), model.bodyHtmlProperty().get());
    }
}
