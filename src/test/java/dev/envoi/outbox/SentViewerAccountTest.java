package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.envoi.account.Accounts;
import dev.envoi.message.EntryId;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The read-only Sent viewer says which account a message went through (issue 15): the account it
 * was submitted with, as the store recorded it, read from a real profile.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class SentViewerAccountTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private Stage shown;
    private final Locale before = Locale.getDefault();

    @Start
    void start(Stage unused) {
    }

    @AfterEach
    void close() throws Exception {
        if (shown != null) {
            WaitForAsyncUtils.asyncFx(shown::close).get(10, TimeUnit.SECONDS);
        }
        Locale.setDefault(before);
        store.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void theViewerShowsTheAccountTheMessageWentThrough(String language) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(language));
        store = SqliteMessageStore.open(profile);
        store.accounts().put(Accounts.loopback("home", 2525));
        store.accounts().put(Accounts.loopback("work", 2526));
        EntryId sentId = deliver(SubmitOptions.undo(Duration.ZERO).withAccount(Optional.of("work")));

        GridPane headers = viewer(sentId);

        Label account = (Label) headers.lookup("#sentAccount");
        assertEquals("work", account.getText());
        Label name = (Label) headers.getChildren().get(headers.getChildren().indexOf(account) - 1);
        assertEquals(language.equals("fr") ? "Compte :" : "Account:", name.getText());
        assertEquals(account, name.getLabelFor());
    }

    @Test
    void aMessageThatRecordedNoAccountShowsNoAccountLine() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        store = SqliteMessageStore.open(profile);
        EntryId sentId = deliver(SubmitOptions.undo(Duration.ZERO));

        assertNull(viewer(sentId).lookup("#sentAccount"));
    }

    private EntryId deliver(SubmitOptions options) {
        EntryId queued = store.submit(Drafts.draft("Delivered"), options);
        Instant now = Instant.now();
        store.lockNextDue(now.plusSeconds(1)).orElseThrow();
        store.recordHandOff(queued);
        store.markDelivered(queued, "250 2.0.0 Ok", now, true);
        return store.sent().get(0).id();
    }

    /** Opens the viewer as the Sent list does (Delivery read off the FX thread) and returns its headers. */
    private GridPane viewer(EntryId sentId) throws Exception {
        SentMessageWindow.Delivery delivery = SentMessageWindow.Delivery.of(store, sentId);
        var content = store.sentContent(sentId);
        SentMessageWindow window = WaitForAsyncUtils.asyncFx(() -> {
            SentMessageWindow made = new SentMessageWindow(content, delivery);
            made.show();
            return made;
        }).get(20, TimeUnit.SECONDS);
        shown = window.stage();
        WaitForAsyncUtils.waitForFxEvents();
        Node top = ((javafx.scene.layout.BorderPane) window.stage().getScene().getRoot()).getTop();
        return (GridPane) top;
    }
}
