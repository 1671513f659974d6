package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.command.CommandLineRun;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad options of the window command are refused in one line, before any window or profile opens. */
class WindowOptionsTest {

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--theme purple|--theme: \"purple\" is not light, dark or auto",
        "--lang ''|--lang: \"\" is not a language tag such as en or fr",
        "--lang fr_FR!|--lang: \"fr_FR!\" is not a language tag such as en or fr",
        "--outbox --wait|--wait, --send-at and --undo-seconds go with `envoi send`",
        "mailto:a@example.org mailto:b@example.org|one mailto: link",
    })
    void badWindowOptionsGetOneClearLine(String command, String expected) {
        String[] args = command.replace("''", "").split(" ", -1);
        CommandLineRun run = CommandLineRun.of(home, args);
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains(expected), run.err);
        assertEquals(1, run.err.strip().lines().count(), run.err);
        assertFalse(home.resolve(".local").toFile().exists(), "no profile was created");
    }
}
