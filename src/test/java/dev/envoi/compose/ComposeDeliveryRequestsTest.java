package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.EntryId;
import dev.envoi.message.Recipient;
import dev.envoi.spool.ScriptedTransport;
import dev.envoi.transport.DeliveryOptions;
import dev.envoi.transport.DeliveryOptions.Notify;
import dev.envoi.transport.PermanentFailureException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The window's two delivery options go into the message on save and send, and come back with it. */
@Timeout(60)
class ComposeDeliveryRequestsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final DeliveryRequests BOTH = new DeliveryRequests(true, true);

    @TempDir
    Path profile;
    private ComposeFixture fixture;
    private ComposeViewModel model;

    @BeforeEach
    void setUp() {
        fixture = new ComposeFixture(profile);
        fixture.store.settings().setUndoWindow(Duration.ofSeconds(60));
        model = fixture.newViewModel();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        model.dispose();
        fixture.close();
    }

    private void writeAsking(boolean notify, boolean receipt) {
        model.to().commit("jane@example.org");
        model.subjectProperty().set("Contract");
        model.bodyProperty().set("Signed copy.");
        model.notifyDeliveryProperty().set(notify);
        model.readReceiptProperty().set(receipt);
    }

    private EntryId saveDraft() throws InterruptedException {
        model.saveDraft();
        fixture.ui.runUntil(() -> !model.dirtyProperty().get() && model.draftHandle().isPresent(), WAIT, "saved");
        return model.draftHandle().orElseThrow().id();
    }

    private void awaitBackForEditing() throws InterruptedException {
        fixture.ui.runUntil(() -> model.sendStateProperty().get() instanceof SendState.Editing
                && !model.to().chips().isEmpty(), WAIT, "the message is back for editing");
    }

    @Test
    void tickingAnOptionIsAnUnsavedChange() throws Exception {
        writeAsking(false, false);
        saveDraft();
        model.readReceiptProperty().set(true);
        assertTrue(model.dirtyProperty().get(), "the window knows the option is not saved yet");
        saveDraft();
        assertEquals(new DeliveryRequests(false, true), fixture.store.drafts().stream().findFirst()
                .map(d -> fixture.store.openDraft(d.id()).content().deliveryRequests()).orElseThrow());
    }

    @Test
    void aReopenedDraftShowsItsOptions() throws Exception {
        writeAsking(true, false);
        EntryId id = saveDraft();
        ComposeViewModel other = fixture.newViewModel();
        other.open(id);
        fixture.ui.runUntil(() -> "Contract".equals(other.subjectProperty().get()), WAIT, "the draft opens");
        assertTrue(other.notifyDeliveryProperty().get());
        assertFalse(other.readReceiptProperty().get());
        assertFalse(other.dirtyProperty().get(), "loading the options is not an edit");
        other.dispose();
    }

    @Test
    void aSentMessageAsksTheTransportAndACancelGivesTheOptionsBack() throws Exception {
        ScriptedTransport transport = fixture.startSpooler();
        writeAsking(true, true);
        model.send();
        fixture.ui.runUntil(() -> model.cancelEnabledProperty().get(), WAIT, "queued");
        model.cancel();
        awaitBackForEditing();
        assertTrue(model.notifyDeliveryProperty().get());
        assertTrue(model.readReceiptProperty().get());

        fixture.store.settings().setUndoWindow(Duration.ZERO);
        model.readReceiptProperty().set(false);
        model.send();
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
        model.send();
        awaitBackForEditing();
        assertFalse(model.notifyDeliveryProperty().get());
        assertTrue(model.readReceiptProperty().get());
    }

    @Test
    void theCommandLineCanTickThem() {
        model.prefill(List.of(Recipient.to("jane@example.org")), "Hi", "", List.of(), BOTH);
        assertTrue(model.notifyDeliveryProperty().get());
        assertTrue(model.readReceiptProperty().get());
    }
}
