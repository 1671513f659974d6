package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 7, in the compose view-model on a real store: a subject with a control character
 * or a bidirectional control is refused as a name with one is, and stays in the window to fix.
 */
@Timeout(60)
class ComposeControlsTest {

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

    @Test
    void aSubjectWithABidiOverrideIsRefusedAndKept() {
        model.message().to().commit("jane@example.org");
        model.message().subjectProperty().set("Invoice \u202Efdp.exe");
        model.sending().send();
        assertTrue(model.errorProperty().get().contains("U+202E"), model.errorProperty().get());
        assertEquals("Invoice \u202Efdp.exe", model.message().subjectProperty().get(), "nothing typed is thrown away");
        assertTrue(fixture.store.outbox().isEmpty());
    }

    @Test
    void aSubjectWithNulIsRefusedLikeANameWithOne() {
        model.message().to().commit("jane@example.org");
        model.message().subjectProperty().set("before\u0000after");
        model.sending().send();
        assertTrue(model.errorProperty().get().contains("U+0000"), model.errorProperty().get());
        assertTrue(fixture.store.outbox().isEmpty());
    }

    @Test
    void aNameWithABidiOverrideIsAnInvalidAddress() {
        model.message().to().commit("Jane \u202Eevil <jane@example.org>");
        model.message().subjectProperty().set("hello");
        model.sending().send();
        assertFalse(model.errorProperty().get().isEmpty());
        assertTrue(model.errorProperty().get().contains("reverses the direction"), model.errorProperty().get());
        assertTrue(fixture.store.outbox().isEmpty());
    }
}
