package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.message.Draft;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SentRetention;
import dev.envoi.store.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `envoi keep-sent` on a real profile: the setting is saved and applied at once. */
class KeepSentCommandTest {

    @TempDir
    Path home;

    @Test
    void keepingTwoMessagesDeletesTheOlderOnes() {
        Path profile = home.resolve("profile");
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            for (int i = 0; i < 3; i++) {
                var id = store.submit(new Draft(Drafts.simple("message " + i)), SubmitOptions.undo(Duration.ZERO));
                store.lockNextDue(Instant.now().plusSeconds(1)).orElseThrow();
                store.recordHandOff(id);
                store.markDelivered(id, "250 ok", Instant.now(), true, "");
            }
        }
        CommandLineRun shown = CommandLineRun.of(home, "keep-sent", "--profile", profile.toString());
        assertEquals(0, shown.exitCode, shown::toString);
        assertEquals("all", shown.out.strip());

        CommandLineRun set = CommandLineRun.of(home, "keep-sent", "2", "messages", "--profile", profile.toString());
        assertEquals(0, set.exitCode, set::toString);
        assertTrue(set.err.contains("deleted 1 sent message"), set::toString);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals(2, store.sentCount());
            assertEquals(SentRetention.messages(2), store.settings().sentRetention());
        }
    }

    @Test
    void nonsenseIsABadInput() {
        Path profile = home.resolve("profile");
        CommandLineRun run = CommandLineRun.of(home, "keep-sent", "0", "days", "--profile", profile.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run::toString);
        run = CommandLineRun.of(home, "keep-sent", "5", "weeks", "--profile", profile.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run::toString);
    }
}
