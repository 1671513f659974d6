package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.Draft;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.OutboxState;
import dev.envoi.message.Recipient;
import dev.envoi.spool.ScriptedTransport;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageNotFoundException;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.OutboxEntry;
import dev.envoi.transport.DeliveryOptions;
import dev.envoi.transport.DeliveryOptions.Notify;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.TransientFailureException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The compose view-model without a window, on a real store and (where it matters) a real spooler. */
@Timeout(60)
class ComposeViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path profile;
    @TempDir
    Path files;
    private ComposeFixture fixture;
    private ComposeViewModel model;

    @BeforeEach
    void setUp() {
        fixture = new ComposeFixture(profile);
        // A long undo window: the message stays cancellable until a test says otherwise.
        fixture.store.settings().setUndoWindow(Duration.ofSeconds(60));
        model = fixture.newViewModel();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        model.dispose();
        fixture.close();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(files.resolve(name), text);
    }

    private void write(String to, String subject, String body) {
        model.message().to().commit(to);
        model.message().subjectProperty().set(subject);
        model.message().bodyProperty().set(body);
    }

    private void attach(Path... paths) throws InterruptedException {
        int before = model.message().attachments().size();
        model.message().attach(List.of(paths));
        fixture.ui.runUntil(() -> model.message().attachments().size() == before + paths.length
                || !model.errorProperty().get().isEmpty(), WAIT, "the files are attached");
    }

    private void sendAndAwaitQueued() throws InterruptedException {
        model.sending().send();
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.Queued
                || !model.errorProperty().get().isEmpty(), WAIT, "queued");
        assertEquals("", model.errorProperty().get());
        assertInstanceOf(SendState.Queued.class, model.sending().sendStateProperty().get());
    }

    @Test
    void sendingReleasesRecipientsAttachmentsAndTheDraftHandle() throws Exception {
        write("\"Doe, Jane\" <jane@example.org>, bob@example.org", "Report", "Here it is.");
        model.message().cc().commit("carol@example.org");
        attach(file("report.txt", "numbers"));
        model.message().saveDraft();
        fixture.ui.runUntil(() -> !model.message().dirtyProperty().get(), WAIT, "the draft is saved");
        Draft handle = model.message().draftHandle().orElseThrow();
        EntryId draftId = handle.id();
        WeakReference<AttachmentItem> attachment = new WeakReference<>(model.message().attachments().get(0));

        sendAndAwaitQueued();

        assertTrue(model.message().to().chips().isEmpty(), "To is released");
        assertTrue(model.message().cc().chips().isEmpty(), "Cc is released");
        assertTrue(model.message().attachments().isEmpty(), "the attachment list is released");
        assertTrue(model.message().draftHandle().isEmpty(), "the window holds no draft handle");
        assertTrue(handle.isReleased());
        assertThrows(IllegalStateException.class, handle::content, "a submitted handle refuses use");
        assertThrows(MessageNotFoundException.class, () -> fixture.store.openDraft(draftId),
                "the old draft id no longer resolves");
        assertTrue(model.sending().cancelEnabledProperty().get(), "cancel is offered during the undo window");
        assertTrue(model.statusProperty().get().startsWith("Sending in "), model.statusProperty().get());
        assertCollected(attachment);
    }

    @Test
    void aSubmittedMessageIsShownAsWordsAndTakesNoEdits() throws Exception {
        Path report = file("report.txt", "numbers");
        write("\"Doe, Jane\" <jane@example.org>, bob@example.org", "Report", "Here it is.");
        model.message().bcc().commit("audit@example.org");
        attach(report, file("notes.txt", "more numbers"));
        assertEquals(HeldMessage.NONE, model.message().heldProperty().get(), "nothing is held while editing");

        sendAndAwaitQueued();

        assertEquals(new HeldMessage("\"Doe, Jane\" <jane@example.org>, bob@example.org", "", "audit@example.org",
                "report.txt (7 bytes)  ·  notes.txt (12 bytes)", "19 bytes"), model.message().heldProperty().get());
        assertEquals("19 bytes", model.message().totalSizeProperty().get(), "the total still shows");
        assertFalse(model.message().editingProperty().get());
        assertFalse(model.sending().canSendProperty().get());
        model.message().attach(List.of(report));
        model.message().subjectProperty().set("Changed after Send");
        fixture.ui.runPending();
        assertTrue(model.message().attachments().isEmpty(), "no file is attached to a submitted message");
        assertFalse(model.message().dirtyProperty().get(), "a submitted message has no unsaved changes");
        assertTrue(model.statusProperty().get().startsWith("Sending in "), model.statusProperty().get());
    }

    @Test
    void theSubmitWaitsForTheFrameThatShowsTheSendingLook() throws Exception {
        fixture.scheduler.drawFramesByHand();
        write("jane@example.org", "Framed", "After the frame.");

        model.sending().send();
        assertInstanceOf(SendState.Submitting.class, model.sending().sendStateProperty().get());
        assertFalse(model.message().editingProperty().get(), "the window locks at once");
        Thread.sleep(200);
        assertTrue(fixture.store.outbox().isEmpty(), "nothing is submitted before the frame is drawn");

        fixture.scheduler.drawFrame();
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.Queued, WAIT,
                "queued");
        assertEquals(1, fixture.store.outbox().size());
    }

    @Test
    void aWindowClosedBeforeThatFrameStillSubmitsTheMessage() throws Exception {
        fixture.scheduler.drawFramesByHand();
        write("jane@example.org", "Closed at once", "Send, then close.");

        model.sending().send();
        assertTrue(model.requestClose(), "a sending window closes without asking");
        model.dispose();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fixture.store.outbox().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("Closed at once"), fixture.store.outbox().stream().map(OutboxEntry::subject).toList());
        assertTrue(fixture.store.drafts().isEmpty(), "it is not left behind as a draft");
    }

    private void assertCollected(WeakReference<?> reference) throws InterruptedException {
        for (int i = 0; i < 50 && reference.get() != null; i++) {
            // A store read still under way when the window closed hands its answer to the UI thread;
            // the FX thread runs it at once, so the stand-in UI thread must run it too.
            fixture.ui.runPending();
            System.gc();
            Thread.sleep(20);
        }
        assertNull(reference.get(), "nothing keeps the released object reachable");
    }

    @Test
    void cancelInsideTheUndoWindowBringsEveryFieldAndAttachmentBack() throws Exception {
        write("\"Doe, Jane\" <jane@example.org>", "Plans", "Dinner at eight?");
        model.message().cc().commit("carol@example.org");
        model.message().bcc().commit("boss@example.org");
        attach(file("menu.txt", "soup"), file("map.txt", "north"));
        sendAndAwaitQueued();

        model.sending().cancel();
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.Editing
                && !model.message().to().chips().isEmpty(), WAIT, "the message is back for editing");

        assertEquals(List.of(new MailAddress("Doe, Jane", "jane@example.org")), model.message().to().addresses());
        assertEquals(List.of(MailAddress.of("carol@example.org")), model.message().cc().addresses());
        assertEquals(List.of(MailAddress.of("boss@example.org")), model.message().bcc().addresses());
        assertEquals("Plans", model.message().subjectProperty().get());
        assertEquals("Dinner at eight?", model.message().bodyProperty().get());
        assertEquals(List.of("menu.txt", "map.txt"), model.message().attachments().stream()
                .map(AttachmentItem::name).toList());
        assertTrue(model.message().showCcBccProperty().get(), "Cc and Bcc are shown since they hold addresses");
        assertEquals(HeldMessage.NONE, model.message().heldProperty().get(),
                "the fields show the message itself again");
        assertTrue(model.message().editingProperty().get());
        assertFalse(model.sending().cancelEnabledProperty().get());
        assertEquals("Cancelled. The message is back for editing.", model.statusProperty().get());
        assertTrue(fixture.store.outbox().isEmpty(), "nothing is left in the outbox");
        List<MessageSummary> drafts = fixture.store.drafts();
        assertEquals(1, drafts.size());
        assertEquals(drafts.get(0).id(), model.message().draftHandle().orElseThrow().id(),
                "the window edits the draft again");
    }

    @Test
    void aSentMessageIsHandedOffAndTheWindowAsksToClose() throws Exception {
        fixture.store.settings().setUndoWindow(Duration.ZERO);
        ScriptedTransport transport = fixture.startSpooler();
        write("jane@example.org", "Now", "Right now.");

        model.sending().send();
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.HandedOff, WAIT,
                "handed off");

        assertEquals(1, transport.committed.size());
        assertEquals("Now", transport.committed.get(0).content().subject());
        assertEquals("Sent: the mail system has the message.", model.statusProperty().get());
        assertFalse(model.sending().cancelEnabledProperty().get());
        assertFalse(model.closeRequestedProperty().get(), "the window stays a moment");
        assertFalse(model.message().editingProperty().get(), "it shows what was sent until it closes");
        assertEquals("jane@example.org", model.message().heldProperty().get().to());
        fixture.scheduler.advance(ComposeSettings.DEFAULT.closeAfterSend());
        assertTrue(model.closeRequestedProperty().get());
        assertEquals(1, fixture.store.sent().size());
    }

    @Test
    void cancelAfterTheHandOffPointIsRefusedPlainly() throws Exception {
        fixture.store.settings().setUndoWindow(Duration.ZERO);
        CountDownLatch handedOff = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedTransport transport = new ScriptedTransport().then((message, gate, committed) -> {
            gate.handOff();
            handedOff.countDown();
            awaitQuietly(release);
            committed.add(message);
            return new dev.envoi.transport.HandOffReceipt("250 ok");
        });
        write("jane@example.org", "Late", "Too late to cancel.");
        model.sending().send();
        fixture.ui.runUntil(() -> model.sending().cancelEnabledProperty().get(), WAIT, "cancel is offered");
        fixture.startSpooler(transport);
        assertTrue(handedOff.await(20, TimeUnit.SECONDS));

        // The window has not yet heard of the hand-off (its update waits in the UI queue): the user clicks.
        model.sending().cancel();
        fixture.ui.runUntil(() -> !model.errorProperty().get().isEmpty(), WAIT, "the refusal is shown");
        release.countDown();

        assertEquals("Too late to cancel: the message was already handed to the mail system.",
                model.errorProperty().get());
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.HandedOff, WAIT,
                "sent");
        assertEquals(1, transport.committed.size());
        assertTrue(fixture.store.drafts().isEmpty(), "the message was not also put back in Drafts");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRefusalBringsTheMessageBackWithTheReasonAndTheRefusedRecipientsMarked() throws Exception {
        fixture.store.settings().setUndoWindow(Duration.ZERO);
        MailAddress refused = MailAddress.of("nobody@example.org");
        fixture.startSpooler(new ScriptedTransport().then(ScriptedTransport.failBeforeHandOff(
                new PermanentFailureException("550 5.1.1 <nobody@example.org>: no such user", List.of(refused), null))));
        write("jane@example.org, nobody@example.org", "Hello", "Hi both.");

        model.sending().send();
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.Editing
                && !model.message().to().chips().isEmpty(), WAIT, "the message is back");

        assertTrue(model.errorProperty().get().contains("550 5.1.1 <nobody@example.org>: no such user"),
                model.errorProperty().get());
        RecipientChip marked = model.message().to().chips().stream()
                .filter(c -> c.address().equals(refused)).findFirst()
                .orElseThrow();
        assertTrue(marked.isRefused());
        assertFalse(model.message().to().chips().stream().filter(c -> !c.address().equals(refused)).anyMatch(
                RecipientChip::isRefused), "the accepted recipient is not marked");
        assertEquals("Hello", model.message().subjectProperty().get());
    }

    @Test
    void aTransientFailureSaysWhenItWillRetryAndStaysCancellable() throws Exception {
        fixture.store.settings().setUndoWindow(Duration.ZERO);
        fixture.startSpooler(new ScriptedTransport().then(ScriptedTransport.failBeforeHandOff(
                new TransientFailureException("421 4.3.2 try again later"))));
        write("jane@example.org", "Soon", "Eventually.");

        model.sending().send();
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.Retrying, WAIT,
                "retrying");

        assertTrue(model.statusProperty().get().contains("421 4.3.2 try again later"), model.statusProperty().get());
        assertTrue(model.statusProperty().get().contains("Will retry at "), model.statusProperty().get());
        assertTrue(model.sending().cancelEnabledProperty().get());
        model.sending().cancel();
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.Editing
                && !model.message().to().chips().isEmpty(), WAIT, "back for editing");
        assertTrue(fixture.store.outbox().isEmpty());
    }

    @Test
    void aDamagedAttachmentIsTakenAgainFromItsFileAndSent() throws Exception {
        Path original = file("data.csv", "a,b\n1,2\n");
        write("jane@example.org", "Data", "The data.");
        attach(original);
        damageVaultCopyOf(model.message().attachments().get(0));

        sendAndAwaitQueued();

        assertTrue(model.statusProperty().get().startsWith("Sending in"), model.statusProperty().get());
        assertEquals(1, fixture.store.outbox().size());
    }

    @Test
    void whenRecoveryFailsTooTheWindowKeepsEverythingAndSaysWhy() throws Exception {
        Path original = file("data.csv", "a,b\n1,2\n");
        write("jane@example.org", "Data", "The data.");
        attach(original);
        damageVaultCopyOf(model.message().attachments().get(0));
        Files.delete(original);

        model.sending().send();
        fixture.ui.runUntil(() -> !model.errorProperty().get().isEmpty(), WAIT, "an error is shown");

        assertTrue(model.errorProperty().get().startsWith("Could not send: "), model.errorProperty().get());
        assertTrue(model.errorProperty().get().contains("data.csv"), model.errorProperty().get());
        assertInstanceOf(SendState.Editing.class, model.sending().sendStateProperty().get());
        assertEquals(List.of(MailAddress.of("jane@example.org")), model.message().to().addresses());
        assertEquals("Data", model.message().subjectProperty().get());
        assertEquals(1, model.message().attachments().size());
        assertTrue(fixture.store.outbox().isEmpty(), "nothing damaged was queued");
    }

    private void damageVaultCopyOf(AttachmentItem item) throws Exception {
        try (var stream = Files.walk(profile.resolve("vault"))) {
            Path copy = stream.filter(p -> p.getFileName().toString().startsWith(item.attachment().sha256()))
                    .findFirst().orElseThrow();
            copy.toFile().setWritable(true);
            Files.writeString(copy, "tampered", StandardCharsets.UTF_8);
        }
    }

    @Test
    void anInvalidAddressRefusesSendAndNamesIt() throws Exception {
        write("jane@example.org, bob@", "Hi", "Hello");

        model.sending().send();
        fixture.ui.runPending();

        assertEquals("To: “bob@” is not a valid address (no domain follows the @). Correct it or remove it.",
                model.errorProperty().get());
        assertInstanceOf(SendState.Editing.class, model.sending().sendStateProperty().get());
        assertTrue(fixture.store.outbox().isEmpty());
    }

    @Test
    void noRecipientAtAllIsRefused() {
        write("", "Hi", "Hello");
        model.sending().send();
        assertEquals("Add at least one recipient in To, Cc or Bcc.", model.errorProperty().get());
    }

    @Test
    void textTypedButNotCommittedIsSentToo() throws Exception {
        model.message().to().pendingProperty().set("jane@example.org");
        model.message().subjectProperty().set("Typed");
        sendAndAwaitQueued();
        assertEquals(List.of(MailAddress.of("jane@example.org")), fixture.store.outbox().get(0).to());
    }

    @Test
    void noSubjectAsksOnceAndGoingBackKeepsEditing() {
        fixture.dialogs.sendWithoutSubject = false;
        write("jane@example.org", "  ", "Hello");
        model.sending().send();
        assertEquals(List.of("no subject"), fixture.dialogs.asked);
        assertInstanceOf(SendState.Editing.class, model.sending().sendStateProperty().get());
        assertTrue(fixture.store.outbox().isEmpty());
    }

    @Test
    void aMentionedButMissingAttachmentAsksOnce() throws Exception {
        fixture.dialogs.sendWithoutAttachment = false;
        write("jane@example.org", "Devis", "Voici la pièce jointe demandée.");
        model.sending().send();
        assertEquals(List.of("no attachment"), fixture.dialogs.asked);
        assertTrue(fixture.store.outbox().isEmpty());

        fixture.dialogs.sendWithoutAttachment = true;
        sendAndAwaitQueued();
        assertEquals(List.of("no attachment", "no attachment"), fixture.dialogs.asked);
    }

    @Test
    void attachmentsOverTheLimitWarnBeforeSend() throws Exception {
        model.dispose();
        model = fixture.newViewModel(new ComposeSettings(Duration.ofSeconds(3), Duration.ZERO, 4));
        fixture.dialogs.sendOverLimit = false;
        write("jane@example.org", "Big", "Big file.");
        attach(file("big.txt", "more than four bytes"));
        model.sending().send();
        assertEquals(List.of("over limit 20 bytes > 4 bytes"), fixture.dialogs.asked);
        assertTrue(fixture.store.outbox().isEmpty());
    }

    @Test
    void aMissingFileIsRefusedByNameAndTheOthersAreAttached() throws Exception {
        Path good = file("good.txt", "ok");
        model.message().attach(List.of(good, files.resolve("missing.txt"), files));
        fixture.ui.runUntil(() -> !model.errorProperty().get().isEmpty(), WAIT, "the refusal is shown");
        assertEquals(List.of("good.txt"), model.message().attachments().stream().map(AttachmentItem::name).toList());
        assertTrue(model.errorProperty().get().contains("missing.txt"), model.errorProperty().get());
        assertTrue(model.errorProperty().get().contains(files.getFileName().toString()), model.errorProperty().get());
    }

    @Test
    void changesAreSavedAutomaticallyAFewSecondsLater() throws Exception {
        write("jane@example.org", "Autosaved", "Typing…");
        assertTrue(model.message().dirtyProperty().get());
        assertTrue(fixture.store.drafts().isEmpty());

        fixture.scheduler.advance(ComposeSettings.DEFAULT.autosaveDelay());
        fixture.ui.runUntil(() -> !model.message().dirtyProperty().get(), WAIT, "saved");

        List<MessageSummary> drafts = fixture.store.drafts();
        assertEquals(1, drafts.size());
        assertEquals("Autosaved", drafts.get(0).subject());
    }

    @Test
    void closingWithUnsavedChangesAsksAndSaveKeepsThem() throws Exception {
        write("jane@example.org", "Keep me", "Unsaved.");
        fixture.dialogs.onClose = DialogService.CloseChoice.CANCEL;
        assertFalse(model.requestClose());
        fixture.dialogs.onClose = DialogService.CloseChoice.SAVE;
        assertTrue(model.requestClose());
        fixture.ui.runUntil(() -> !model.message().dirtyProperty().get(), WAIT, "saved");
        assertEquals("Keep me", fixture.store.drafts().get(0).subject());
        assertEquals(List.of("unsaved changes", "unsaved changes"), fixture.dialogs.asked);
    }

    @Test
    void closingWhileSendingNeitherAsksNorStopsTheMessage() throws Exception {
        write("jane@example.org", "Going", "Out.");
        sendAndAwaitQueued();
        assertTrue(model.requestClose());
        model.dispose();
        assertTrue(fixture.dialogs.asked.isEmpty());
        assertEquals(OutboxState.QUEUED, fixture.store.outbox().get(0).state());
    }

    @Test
    void aDraftOpensWithEverythingItHeld() throws Exception {
        write("\"Doe, Jane\" <jane@example.org>", "Saved", "Body");
        attach(file("a.txt", "a"));
        model.message().saveDraft();
        fixture.ui.runUntil(() -> !model.message().dirtyProperty().get(), WAIT, "saved");
        EntryId id = fixture.store.drafts().get(0).id();

        ComposeViewModel other = fixture.newViewModel();
        other.message().open(id);
        fixture.ui.runUntil(() -> !other.message().to().chips().isEmpty(), WAIT, "opened");
        assertEquals("Saved", other.message().subjectProperty().get());
        assertEquals(List.of("a.txt"), other.message().attachments().stream().map(AttachmentItem::name).toList());
        assertFalse(other.message().dirtyProperty().get(), "opening is not a change");
        other.dispose();
    }

    @Test
    void addressesUsedBeforeAreSuggested() throws Exception {
        assertTrue(model.message().suggestions("ja").isEmpty());
        write("\"Doe, Jane\" <jane@example.org>", "Hi", "Hello");
        sendAndAwaitQueued();
        assertEquals(List.of(new MailAddress("Doe, Jane", "jane@example.org")), model.message().suggestions("ja"));
        assertEquals(List.of(new MailAddress("Doe, Jane", "jane@example.org")), model.message().suggestions("Doe"));
        assertTrue(model.message().suggestions("zz").isEmpty());
    }

    @Test
    void theWindowSpeaksTheUsersLanguage() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            ComposeViewModel french = fixture.newViewModel();
            assertEquals("Nouveau message — Envoi", french.titleProperty().get());
            french.message().subjectProperty().set("Devis");
            french.sending().send();
            assertEquals("Ajoutez au moins un destinataire dans À, Cc ou Cci.", french.errorProperty().get());
            assertEquals("1,5 Kio", french.texts().size(1536));
            french.message().to().commit("bob@");
            french.sending().send();
            assertEquals("À : « bob@ » n’est pas une adresse valide (aucun domaine ne suit le @). Corrigez-la ou "
                    + "retirez-la.", french.errorProperty().get());
            french.dispose();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aFileThatCannotBeAttachedIsNamedInTheUsersLanguage() throws Exception {
        Path missing = files.resolve("devis.pdf");
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            ComposeViewModel french = fixture.newViewModel();
            french.message().attach(List.of(missing));
            fixture.ui.runUntil(() -> !french.errorProperty().get().isEmpty(), WAIT, "the refusal is shown");
            assertEquals("Impossible de joindre " + missing + " : ce fichier n’existe pas.", french.errorProperty().get());
            assertTrue(french.message().attachments().isEmpty());
            french.dispose();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theTitleFollowsTheSubject() {
        assertEquals("New message — Envoi", model.titleProperty().get());
        model.message().subjectProperty().set("Lunch");
        assertEquals("Lunch — Envoi", model.titleProperty().get());
    }

    @Test
    void aDisposedWindowsViewModelCanBeCollected() throws Exception {
        WeakReference<ComposeViewModel> reference = sendThenCloseAWindow();
        assertCollected(reference);
        assertEquals(0, fixture.scheduler.pending(), "no timer of the closed window is left");
    }

    private WeakReference<ComposeViewModel> sendThenCloseAWindow() throws InterruptedException {
        ComposeViewModel other = fixture.newViewModel();
        other.message().to().commit("jane@example.org");
        other.message().subjectProperty().set("Going");
        other.sending().send();
        fixture.ui.runUntil(() -> other.sending().sendStateProperty().get() instanceof SendState.Queued, WAIT,
                "queued");
        other.dispose();
        fixture.ui.runPending();
        return new WeakReference<>(other);
    }

    // ---- Delivery requests: the Options menu's two choices go into the message and come back ----

    private void writeAsking(boolean notify, boolean receipt) {
        model.message().to().commit("jane@example.org");
        model.message().subjectProperty().set("Contract");
        model.message().bodyProperty().set("Signed copy.");
        model.message().notifyDeliveryProperty().set(notify);
        model.message().readReceiptProperty().set(receipt);
    }

    private EntryId saveDraft() throws InterruptedException {
        model.message().saveDraft();
        fixture.ui.runUntil(() -> !model.message().dirtyProperty().get() && model.message().draftHandle().isPresent(),
                WAIT, "saved");
        return model.message().draftHandle().orElseThrow().id();
    }

    private void awaitBackForEditing() throws InterruptedException {
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.Editing
                && !model.message().to().chips().isEmpty(), WAIT, "the message is back for editing");
    }

    @Test
    void tickingAnOptionIsAnUnsavedChange() throws Exception {
        writeAsking(false, false);
        saveDraft();
        model.message().readReceiptProperty().set(true);
        assertTrue(model.message().dirtyProperty().get(), "the window knows the option is not saved yet");
        saveDraft();
        assertEquals(new DeliveryRequests(false, true), fixture.store.drafts().stream().findFirst()
                .map(d -> fixture.store.openDraft(d.id()).content().deliveryRequests()).orElseThrow());
    }

    @Test
    void aReopenedDraftShowsItsOptions() throws Exception {
        writeAsking(true, false);
        EntryId id = saveDraft();
        ComposeViewModel other = fixture.newViewModel();
        other.message().open(id);
        fixture.ui.runUntil(() -> "Contract".equals(other.message().subjectProperty().get()), WAIT, "the draft opens");
        assertTrue(other.message().notifyDeliveryProperty().get());
        assertFalse(other.message().readReceiptProperty().get());
        assertFalse(other.message().dirtyProperty().get(), "loading the options is not an edit");
        other.dispose();
    }

    @Test
    void aSentMessageAsksTheTransportAndACancelGivesTheOptionsBack() throws Exception {
        ScriptedTransport transport = fixture.startSpooler();
        writeAsking(true, true);
        model.sending().send();
        fixture.ui.runUntil(() -> model.sending().cancelEnabledProperty().get(), WAIT, "queued");
        model.sending().cancel();
        awaitBackForEditing();
        assertTrue(model.message().notifyDeliveryProperty().get());
        assertTrue(model.message().readReceiptProperty().get());

        fixture.store.settings().setUndoWindow(Duration.ZERO);
        model.message().readReceiptProperty().set(false);
        model.sending().send();
        fixture.ui.runUntil(() -> !transport.committed.isEmpty(), WAIT, "handed to the transport");
        assertEquals(new DeliveryOptions(Set.of(Notify.SUCCESS, Notify.FAILURE, Notify.DELAY), true, false),
                transport.committed.get(0).options());
    }

    @Test
    void aRefusedMessageComesBackWithItsOptions() throws Exception {
        fixture.store.settings().setUndoWindow(Duration.ZERO);
        fixture.startSpooler(new ScriptedTransport().then(ScriptedTransport.failBeforeHandOff(
                new PermanentFailureException("550 5.7.1 not here", List.of(), null))));
        writeAsking(false, true);
        model.sending().send();
        awaitBackForEditing();
        assertFalse(model.message().notifyDeliveryProperty().get());
        assertTrue(model.message().readReceiptProperty().get());
    }

    @Test
    void theCommandLineCanTickThem() {
        model.message().prefill(List.of(Recipient.to("jane@example.org")), "Hi", "", List.of(),
                new DeliveryRequests(true, true));
        assertTrue(model.message().notifyDeliveryProperty().get());
        assertTrue(model.message().readReceiptProperty().get());
    }

    @Test
    void aDraftThatCameBackSaysWhyWhenItIsOpenedFromDrafts() throws Exception {
        EntryId queued = fixture.store.submit(dev.envoi.store.Drafts.draft("Refused"),
                dev.envoi.store.MessageStore.SubmitOptions.undo(Duration.ZERO));
        fixture.store.lockNextDue(java.time.Instant.now().plusSeconds(1)).orElseThrow();
        fixture.store.returnToDrafts(queued, "550 5.1.1 no such user", List.of(MailAddress.of("jane@example.org")));

        model.message().open(fixture.store.drafts().get(0).id());
        fixture.ui.runUntil(() -> !model.errorProperty().get().isEmpty(), WAIT, "the reason shows in the banner");
        assertEquals("This message was not sent: 550 5.1.1 no such user", model.errorProperty().get());
    }
}
