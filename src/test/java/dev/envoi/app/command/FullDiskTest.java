package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.store.StoreException;
import dev.envoi.testing.SmallDisk;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A profile on a real, small file system that fills up: every command says the disk is full,
 * never that the database is damaged (whose advice, restore a backup, would lose newer messages).
 */
@Timeout(60)
class FullDiskTest {

    @TempDir
    Path home;
    private SmallDisk disk;

    @AfterEach
    void tearDown() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", profile().toString()))
                .toArray(String[]::new);
        return CommandLineRun.of(home, withProfile);
    }

    private Path profile() {
        return disk.root().resolve("profile");
    }

    @ParameterizedTest(name = "{0} KiB left")
    @CsvSource({"0", "4", "12"})
    void aFullDiskIsCalledAFullDisk(int kibibytesLeft) throws Exception {
        disk = SmallDisk.mount(2048);
        CommandLineRun first = envoi("send", "--to", "jane@example.org", "--subject", "before", "--undo-seconds", "0",
                "--wait=20");
        assertEquals(ExitCode.OK, first.exitCode, first.toString());
        disk.fill();
        disk.release(kibibytesLeft);

        CommandLineRun send = envoi("send", "--to", "jane@example.org", "--subject", "no room", "--undo-seconds", "0",
                "--wait=20");

        assertEquals(ExitCode.FAILURE, send.exitCode, send.toString());
        assertTrue(send.err.contains("full"), "says the disk is full: " + send);
        assertFalse(send.err.contains("damaged") || send.err.contains("backup"), "never damaged: " + send);
        disk.free();
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            assertEquals(1, store.sent().size(), "what was there before is intact");
        }
    }

    @ParameterizedTest(name = "{0} KiB left")
    @CsvSource({"0", "12"})
    void aDiskThatFillsWhileTheProfileIsOpenIsCalledFull(int kibibytesLeft) throws Exception {
        disk = SmallDisk.mount(2048);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            disk.fill();
            disk.release(kibibytesLeft);
            Draft big = new Draft(new DraftContent(MailAddress.of("me@example.org"),
                    List.of(new Recipient(RecipientType.TO, MailAddress.of("jane@example.org"))), "big",
                    "x".repeat(200_000), List.of()));
            StoreException failed = assertThrows(StoreException.class, () -> store.save(big));
            assertTrue(failed.getMessage().contains("full"), failed.getMessage());
            assertFalse(failed.getMessage().contains("damaged"), failed.getMessage());
        }
    }
}
