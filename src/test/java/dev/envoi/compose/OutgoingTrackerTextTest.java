package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.envoi.message.EntryId;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.envoi.ui.task.TaskExecutor;

/** What the tracker says about a message the store no longer knows, in the window's language. */
class OutgoingTrackerTextTest {

    @TempDir
    Path profile;

    @Test
    void aMessageGoneFromTheStoreIsSaidInTheWindowsLanguage() {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            List<OutgoingTracker.Update> updates = new ArrayList<>();
            OutgoingTracker tracker = new OutgoingTracker(store, TaskExecutor.inCallingThread(), Runnable::run, new ManualScheduler(),
                    Clock.systemUTC(), Texts.of(OutgoingTracker.class, Locale.FRENCH), id -> null, updates::add);
            tracker.track(EntryId.random());
            SendState.Failed failed = assertInstanceOf(SendState.Failed.class, updates.get(0).state());
            assertEquals("le message n’est plus dans le stockage.", failed.reason());
        }
    }
}
