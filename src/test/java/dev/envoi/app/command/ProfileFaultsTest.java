package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.DatabaseLocker;
import dev.envoi.testing.SmallDisk;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line on a profile in trouble: its database or a vault file changed behind Envoi's
 * back, the database locked by another process, a read-only file system, a path with spaces and
 * non-ASCII characters. Damaged data is never sent; every refusal is one line naming the cause.
 */
@Timeout(60)
class ProfileFaultsTest {

    @TempDir
    Path home;
    private Path profile;
    private SmallDisk disk;
    private Process locker;

    @AfterEach
    void tearDown() throws Exception {
        if (locker != null) {
            locker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (disk != null) {
            disk.close();
        }
    }

    private Path profile() {
        return profile != null ? profile : home.resolve("profile");
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", profile().toString()))
                .toArray(String[]::new);
        return CommandLineRun.of(home, withProfile);
    }

    private static void assertOneLine(CommandLineRun run, String... words) {
        assertEquals(1, run.err.strip().lines().count(), "one line: " + run);
        assertFalse(run.err.contains("Exception") || run.err.contains("\tat "), "no stack trace: " + run);
        for (String word : words) {
            assertTrue(run.err.contains(word), word + ": " + run);
        }
    }

    private List<Path> pickedUp() throws Exception {
        Path pickup = profile().resolve(ProfileServices.PICKUP_FOLDER);
        if (!Files.isDirectory(pickup)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pickup)) {
            return files.filter(p -> p.toString().endsWith(".eml")).toList();
        }
    }

    /** Queues a message with an attachment (undo window 1 s); nothing sends it until a flush. */
    private String queueWithAttachment(String body) throws Exception {
        Path file = Files.write(home.resolve("tableau.bin"), new byte[40_000]);
        CommandLineRun send = envoi("send", "--to", "jane@example.org", "--subject", "figures", "--body", body,
                "--attach", file.toString(), "--undo-seconds", "1");
        assertEquals(ExitCode.OK, send.exitCode, send.toString());
        return send.out.strip();
    }

    private Path onlyVaultFile() throws Exception {
        try (Stream<Path> files = Files.walk(profile().resolve(SqliteMessageStore.VAULT_FOLDER))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getParent().endsWith(".incoming"))
                    .findFirst().orElseThrow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"flipped", "truncated", "removed"})
    void aVaultFileDamagedInTheQueueIsNeverSentAndTheOutboxSaysDamaged(String damage) throws Exception {
        queueWithAttachment("see the table");
        Path vaultFile = onlyVaultFile();
        switch (damage) {
            case "flipped" -> {
                byte[] bytes = Files.readAllBytes(vaultFile);
                bytes[30_000] ^= 0x01;
                Files.write(vaultFile, bytes);
            }
            case "truncated" -> Files.write(vaultFile, new byte[100]);
            default -> Files.delete(vaultFile);
        }

        CommandLineRun flush = envoi("outbox", "--flush", "--wait=20");
        assertEquals(ExitCode.REFUSED, flush.exitCode, "failed, as send --wait says it: " + flush);

        assertEquals(List.of(), pickedUp(), "nothing damaged is handed off");
        CommandLineRun outbox = envoi("outbox", "--json");
        assertTrue(outbox.out.contains("\"state\":\"FAILED\"") && outbox.out.contains("Damaged: "), outbox.out);
        assertTrue(outbox.out.contains("tableau.bin"), "names the attachment: " + outbox.out);
    }

    @Test
    void aBodyChangedInsideTheDatabaseFileIsNeverSent() throws Exception {
        queueWithAttachment("MARKER-the-exact-words-that-were-submitted");
        byte[] database = Files.readAllBytes(profile().resolve(SqliteMessageStore.DATABASE_FILE));
        int at = indexOf(database, "MARKER-the-exact".getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "the body is in the database file itself (the WAL was checkpointed at close)");
        database[at + 7] = 'X';
        Files.write(profile().resolve(SqliteMessageStore.DATABASE_FILE), database);

        CommandLineRun flush = envoi("outbox", "--flush", "--wait=20");
        assertEquals(ExitCode.REFUSED, flush.exitCode, "failed, as send --wait says it: " + flush);

        assertEquals(List.of(), pickedUp());
        CommandLineRun outbox = envoi("outbox", "--json");
        assertTrue(outbox.out.contains("\"state\":\"FAILED\"") && outbox.out.contains("Damaged: the stored message"),
                outbox.out);
    }

    @Test
    void aTruncatedDatabaseIsNamedAndNothingIsSent() throws Exception {
        queueWithAttachment("cut in half");
        Path file = profile().resolve(SqliteMessageStore.DATABASE_FILE);
        byte[] database = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(database, database.length / 2));

        CommandLineRun flush = envoi("outbox", "--flush", "--wait=20");

        assertEquals(ExitCode.FAILURE, flush.exitCode, flush.toString());
        assertOneLine(flush, "envoi.db", "damaged");
        assertEquals(List.of(), pickedUp());
    }

    @Test
    void aDatabaseLockedForAMomentByAnotherProcessIsWaitedFor() throws Exception {
        assertEquals(ExitCode.OK, envoi("outbox").exitCode);
        lockDatabaseFor(1500);

        CommandLineRun send = envoi("send", "--to", "jane@example.org", "--subject", "patience", "--wait=20");

        assertEquals(ExitCode.OK, send.exitCode, send.toString());
        assertEquals(1, pickedUp().size());
    }

    @Test
    @Tag("reliability") // waits out the store's 10 s busy timeout
    void aDatabaseLockedForLongByAnotherProcessIsNamedAndNothingIsHalfDone() throws Exception {
        assertEquals(ExitCode.OK, envoi("outbox").exitCode);
        lockDatabaseFor(60_000);

        CommandLineRun send = envoi("send", "--to", "jane@example.org", "--subject", "blocked", "--wait=20");

        assertEquals(ExitCode.FAILURE, send.exitCode, send.toString());
        assertOneLine(send, "locked by another program");
        locker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        CommandLineRun outbox = envoi("outbox", "--json");
        assertEquals("[]", outbox.out.strip(), "nothing was queued");
    }

    private void lockDatabaseFor(long millis) throws Exception {
        locker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DatabaseLocker.class.getName(),
                profile().resolve(SqliteMessageStore.DATABASE_FILE).toString(), Long.toString(millis))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(locker.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
    }

    @Test
    void aReadOnlyProfileIsRefusedInOneLineAndItsDraftsStayIntact() throws Exception {
        // A read-only file system stops root too, where folder permissions would not.
        disk = SmallDisk.mount(2048);
        profile = disk.root().resolve("profile");
        EntryId saved;
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            Draft draft = new Draft(new DraftContent(MailAddress.of("me@example.org"),
                    List.of(new Recipient(RecipientType.TO, MailAddress.of("jane@example.org"))), "kept", "as saved",
                    List.of()));
            store.save(draft);
            saved = draft.id();
        }
        disk.readOnly(true);

        CommandLineRun send = envoi("send", "--to", "jane@example.org", "--subject", "nowhere to go");

        assertEquals(ExitCode.FAILURE, send.exitCode, send.toString());
        assertOneLine(send, "envoi.db");
        assertTrue(send.err.contains("cannot be written") || send.err.contains("read-only"), send.err);
        disk.readOnly(false);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals("as saved", store.openDraft(saved).content().body());
            assertEquals(1, store.drafts().size());
            assertTrue(store.outbox().isEmpty());
        }
    }

    @Test
    void aProfileOnAPathWithSpacesAndNonAsciiCharactersWorksThroughout() throws Exception {
        profile = home.resolve("Mes données ✉ d'été").resolve("profil 日本");
        Path file = Files.writeString(home.resolve("relevé n° 1.txt"), "chiffres");

        CommandLineRun send = envoi("send", "--to", "jane@example.org", "--subject", "été", "--attach", file.toString(),
                "--undo-seconds", "0", "--wait=20");

        assertEquals(ExitCode.OK, send.exitCode, send.toString());
        assertEquals(1, pickedUp().size());
        assertTrue(Files.readString(pickedUp().get(0), StandardCharsets.ISO_8859_1).contains("relev"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
