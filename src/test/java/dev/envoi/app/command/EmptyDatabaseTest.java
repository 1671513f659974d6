package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.store.SqliteMessageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 0-byte envoi.db beside a vault that holds files: the profile's messages were in that file, so
 * Envoi says so and stops, unless the user asks for a fresh profile with --new-profile.
 */
@Timeout(60)
class EmptyDatabaseTest {

    @TempDir
    Path home;

    private Path profile() {
        return home.resolve("profile");
    }

    private Path database() {
        return profile().resolve(SqliteMessageStore.DATABASE_FILE);
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", profile().toString()))
                .toArray(String[]::new);
        return CommandLineRun.of(home, withProfile);
    }

    private List<Path> vaultFiles() throws Exception {
        try (Stream<Path> files = Files.walk(profile().resolve(SqliteMessageStore.VAULT_FOLDER))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** A profile with a queued message and its attachment, whose database is then emptied. */
    private void emptiedProfile() throws Exception {
        Path file = Files.writeString(home.resolve("notes.txt"), "the figures");
        CommandLineRun queued = envoi("send", "--to", "jane@example.org", "--attach", file.toString(),
                "--send-at", java.time.OffsetDateTime.now().plusDays(1).withNano(0).toString());
        assertEquals(ExitCode.OK, queued.exitCode, queued.toString());
        Files.write(database(), new byte[0]);
        assertEquals(1, vaultFiles().size());
    }

    @Test
    void anEmptyDatabaseBesideAVaultWithFilesIsNamedAndLeftAsItIs() throws Exception {
        emptiedProfile();

        for (String[] command : List.of(new String[] {"outbox"}, new String[] {"send", "--to", "x@example.org"},
                new String[] {"account", "list"})) {
            CommandLineRun run = envoi(command);
            assertEquals(ExitCode.FAILURE, run.exitCode, run.toString());
            assertEquals(1, run.err.strip().lines().count(), "one line: " + run);
            assertTrue(run.err.contains("envoi.db is empty") && run.err.contains("1 attachment file"), run.toString());
            assertTrue(run.err.contains("--new-profile"), "says how to start afresh: " + run);
        }
        assertEquals(0, Files.size(database()), "nothing was written into it");
        assertEquals(1, vaultFiles().size());
    }

    @Test
    void newProfileStartsAFreshProfileAndKeepsTheVaultFiles() throws Exception {
        emptiedProfile();

        CommandLineRun fresh = envoi("outbox", "--new-profile");

        assertEquals(ExitCode.OK, fresh.exitCode, fresh.toString());
        assertEquals("The outbox is empty.", fresh.out.strip());
        assertTrue(fresh.err.contains("fresh profile"), fresh.err);
        assertTrue(Files.size(database()) > 0);
        assertEquals(1, vaultFiles().size(), "the vault's files are kept");
        assertEquals(ExitCode.OK, envoi("outbox").exitCode, "a profile like any other from then on");
    }

    @Test
    void anEmptyDatabaseWithAnEmptyVaultIsStillANewProfile() throws Exception {
        Files.createDirectories(profile());
        Files.write(database(), new byte[0]);

        CommandLineRun run = envoi("outbox");

        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        assertFalse(run.err.contains("fresh profile"), run.err);
    }
}
