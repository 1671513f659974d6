package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Signature;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.account.WritingSettings;
import dev.envoi.store.SqliteMessageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `envoi account add ... --signature-file FILE --plain-text-only`, kept in the real profile store. */
@Timeout(60)
class AccountSignatureCommandTest {

    @TempDir
    Path home;

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", home.resolve("p").toString()))
                .toArray(String[]::new);
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(), Map.of("USER", "tester",
                "ENVOI_KEYRING", "off"), withProfile);
    }

    private CommandLineRun add(String name, String... more) {
        String[] base = {"account", "add", name, "--address", name + "@example.org", "--host", "smtp.example.org",
                "--security", "starttls"};
        return envoi(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    private WritingSettings stored(String account) {
        try (SqliteMessageStore store = SqliteMessageStore.open(home.resolve("p"))) {
            return store.writingSettings().forAccount(account);
        }
    }

    @Test
    void theSignatureFileAndPlainTextDefaultAreKeptWithTheAccount() throws Exception {
        Path file = home.resolve("signature.txt");
        Files.writeString(file, "Émile Envoi\r\nWork Ltd\r\n\r\n", StandardCharsets.UTF_8);
        CommandLineRun added = add("work", "--signature-file", file.toString(), "--plain-text-only");
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
        assertEquals(new WritingSettings(Signature.plain("Émile Envoi\nWork Ltd"), true), stored("work"));

        assertEquals(ExitCode.OK, add("home").exitCode);
        assertEquals(WritingSettings.DEFAULT, stored("home"), "neither option: nothing kept");
    }

    @Test
    void aFileThatIsNotUtf8TextIsRefusedAndNoAccountIsAdded() throws Exception {
        Path file = home.resolve("latin1.txt");
        Files.write(file, "Émile".getBytes(StandardCharsets.ISO_8859_1));
        CommandLineRun refused = add("work", "--signature-file", file.toString());
        assertEquals(ExitCode.BAD_INPUT, refused.exitCode, refused.toString());
        assertTrue(refused.err.contains("is not UTF-8 text"), refused.err);

        CommandLineRun missing = add("work", "--signature-file", home.resolve("none\u0007.txt").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode, missing.toString());
        assertTrue(missing.err.contains("is not a file") && !missing.err.contains("\u0007"), missing.err);
        try (SqliteMessageStore store = SqliteMessageStore.open(home.resolve("p"))) {
            assertTrue(store.accounts().accounts().isEmpty());
        }
    }
}
