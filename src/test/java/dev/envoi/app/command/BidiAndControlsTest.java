package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 7, through the command line: bidirectional controls in a file name or a display
 * name are refused with a clear line, and a subject is held to the same rule as names (no NUL or
 * other control character, no bidirectional control).
 */
@Timeout(60)
class BidiAndControlsTest {

    @TempDir
    Path home;

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", home.resolve("profile").toString()))
                .toArray(String[]::new);
        return CommandLineRun.of(home, withProfile);
    }

    private void assertNothingSent() throws Exception {
        Path pickup = home.resolve("profile/pickup");
        if (Files.isDirectory(pickup)) {
            try (Stream<Path> files = Files.list(pickup)) {
                assertFalse(files.anyMatch(p -> p.toString().endsWith(".eml")));
            }
        }
    }

    @Test
    void aFileNameWithARightToLeftOverrideIsRefused() throws Exception {
        Path disguised = Files.writeString(home.resolve("invoice\u202Efdp.exe"), "MZ");
        CommandLineRun run = envoi("send", "--to", "jane@example.org", "--subject", "invoice", "--attach",
                disguised.toString(), "--undo-seconds", "0", "--wait=30");
        assertNotEquals(ExitCode.OK, run.exitCode, run.toString());
        assertTrue(run.err.contains("reverses the text direction"), run.err);
        assertFalse(run.err.contains("\u202E"), "the refusal itself shows the character visibly: " + run.err);
        assertNothingSent();
    }

    @Test
    void aDisplayNameWithAnIsolateIsRefused() throws Exception {
        CommandLineRun run = envoi("send", "--to", "Jane \u2067evil\u2069 <jane@example.org>", "--subject", "x",
                "--undo-seconds", "0", "--wait=30");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("U+2067"), run.err);
        assertNothingSent();
    }

    @Test
    void aSubjectWithNulOrABidiControlIsRefusedAsANameIs() throws Exception {
        for (String subject : new String[] {"a\u0000b", "a\u001b[2Jb", "pay \u202Eoicnuof"}) {
            CommandLineRun run = envoi("send", "--to", "jane@example.org", "--subject", subject, "--undo-seconds", "0",
                    "--wait=30");
            assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
            assertTrue(run.err.contains("--subject: the subject holds U+"), run.err);
        }
        CommandLineRun tabbed = envoi("send", "--to", "jane@example.org", "--subject", "a\tb\nc", "--undo-seconds", "0",
                "--wait=30");
        assertEquals(ExitCode.OK, tabbed.exitCode, "a tab and a line break stay allowed (folded): " + tabbed);
    }
}
