package dev.envoi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.outbox.OutboxContext;
import dev.envoi.outbox.OutboxWindow;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Seen under Xvfb: an empty Sent tab said JavaFX's own "Aucun contenu dans la table" (No content
 * in table). Each empty folder says, in Envoi's words and the window's language, that it is empty.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class EmptyFoldersTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private ExecutorService background;
    private Stage stage;
    // Other tests run in this JVM after this one: the language is put back.
    private final Locale before = Locale.getDefault();

    @Start
    void start(Stage unused) {
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(10, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
        Locale.setDefault(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void anEmptyFolderSaysSoInEnvoisWords(String language) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(language));
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        List<String> ids = List.of("#outboxTable", "#draftsTable", "#sentTable");
        List<String> before = WaitForAsyncUtils.asyncFx(() -> {
            OutboxContext context = new OutboxContext(store, background, Platform::runLater, Clock.systemDefaultZone(),
                    new ProgressHub()::subscribe, id -> { }, id -> { });
            OutboxWindow window = new OutboxWindow(context, owner -> null);
            stage = window.stage();
            stage.show();
            return placeholders(ids);
        }).get(20, TimeUnit.SECONDS);
        // In the FX task that showed the window no count can have come back: nothing is said empty yet.
        String reading = language.equals("fr") ? "Lecture…" : "Reading…";
        assertEquals(List.of(reading, reading, reading), before);
        List<String> empty = language.equals("fr")
                ? List.of("Aucun message n’attend d’être envoyé.", "Aucun brouillon.", "Rien d’envoyé pour l’instant.")
                : List.of("Nothing is waiting to be sent.", "No drafts.", "Nothing sent yet.");
        FxWait.until(() -> placeholders(ids).equals(empty), "once counted, each folder says it is empty");
    }

    private List<String> placeholders(List<String> ids) {
        return ids.stream().map(id -> {
            Node placeholder = ((TableView<?>) stage.getScene().lookup(id)).getPlaceholder();
            return placeholder instanceof Labeled labeled ? labeled.getText() : String.valueOf(placeholder);
        }).toList();
    }
}
