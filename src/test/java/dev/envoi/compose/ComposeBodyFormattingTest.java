package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.BodyFormatting;
import dev.envoi.message.EntryId;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.Samples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The view-model keeps a formatted body and "plain text only" through autosave and a reopened draft (issue 20). */
@Timeout(60)
class ComposeBodyFormattingTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HTML = HtmlWriter.fragment(Samples.everything());

    @TempDir
    Path profile;
    private ComposeFixture fixture;
    private ComposeViewModel model;

    @BeforeEach
    void setUp() {
        fixture = new ComposeFixture(profile);
        model = fixture.newViewModel();
    }

    @AfterEach
    void tearDown() throws Exception {
        model.dispose();
        fixture.close();
    }

    @Test
    void autosaveKeepsTheFormattingAndTheChoiceAndADraftOpensWithThem() throws Exception {
        model.subjectProperty().set("Formatted");
        model.bodyHtmlProperty().set(HTML);
        model.bodyProperty().set(Samples.everything().plainText());
        model.plainTextOnlyProperty().set(true);
        assertTrue(model.dirtyProperty().get(), "a formatting change is an edit");
        fixture.scheduler.advance(Duration.ofMinutes(1));
        fixture.ui.runUntil(() -> !fixture.store.drafts().isEmpty() && !model.dirtyProperty().get(), WAIT, "autosaved");
        EntryId id = fixture.store.drafts().get(0).id();
        assertEquals(new BodyFormatting(HTML, true), fixture.store.openDraft(id).content().formatting());

        ComposeViewModel other = fixture.newViewModel();
        other.open(id);
        fixture.ui.runUntil(() -> "Formatted".equals(other.subjectProperty().get()), WAIT, "the draft opens");
        assertEquals(HTML, other.bodyHtmlProperty().get());
        assertTrue(other.plainTextOnlyProperty().get());
        assertEquals(Samples.everything().plainText(), other.bodyProperty().get());
        assertFalse(other.dirtyProperty().get(), "loading the formatting is not an edit");
        other.dispose();
    }

    @Test
    void theCorruptDataRewriteWritesTheFormattingAgainFromTheWindow() throws Exception {
        fixture.store.settings().setUndoWindow(Duration.ofSeconds(60));
        java.nio.file.Path report = java.nio.file.Files.writeString(profile.resolve("report.txt"), "the report ".repeat(500));
        model.to().commit("jane@example.org");
        model.subjectProperty().set("Rewritten");
        model.bodyHtmlProperty().set(HTML);
        model.bodyProperty().set(Samples.everything().plainText());
        model.attach(List.of(report));
        fixture.ui.runUntil(() -> model.attachments().size() == 1, WAIT, "attached");
        // The vault copy is damaged behind Envoi's back: the submit refuses it, and the window writes
        // every field again (MAPI's rewrite), the file taken again from its original.
        dev.envoi.message.Attachment stored = model.attachments().get(0).attachment();
        java.nio.file.Path vaultFile = fixture.profile.resolve(dev.envoi.store.SqliteMessageStore.VAULT_FOLDER)
                .resolve(stored.sha256().substring(0, 2)).resolve(stored.sha256());
        byte[] bytes = java.nio.file.Files.readAllBytes(vaultFile);
        bytes[bytes.length / 2] ^= 0x20;
        java.nio.file.Files.write(vaultFile, bytes);

        model.send();
        fixture.ui.runUntil(() -> model.trackedMessage().isPresent() || !model.errorProperty().get().isEmpty(),
                WAIT, "the message is submitted");
        assertEquals("", model.errorProperty().get());
        EntryId back = fixture.store.abortSubmit(model.trackedMessage().orElseThrow());
        assertEquals(new BodyFormatting(HTML, false), fixture.store.openDraft(back).content().formatting(),
                "the rewritten message keeps the window's formatting");
    }
}
