package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ComposeOptions;
import dev.envoi.app.cli.ComposeRequest;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.ProfileServices;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--attach FILE...`: several files after one --attach (a desktop "send to" runs `envoi --attach
 * %F`), --attach repeated, and both mixed; a mailto: link or the next option ends the list.
 */
@Timeout(60)
class AttachOptionTest {

    @TempDir
    Path home;

    private ParsedArgs parse(String... args) throws UsageException {
        return ParsedArgs.parse(List.of(args), ComposeOptions.OPTIONS, ComposeOptions.REPEATABLE);
    }

    @Test
    void severalFilesFollowOneAttachUntilTheNextOption() throws Exception {
        ParsedArgs args = parse("--attach", "a.pdf", "b c.pdf", "-dash.txt", "--to", "jane@example.org", "--attach", "d");
        assertEquals(List.of("a.pdf", "b c.pdf", "-dash.txt", "d"), args.values("attach"));
        assertEquals(List.of("jane@example.org"), args.values("to"));
        assertEquals(List.of(), args.operands());
    }

    @Test
    void aMailtoLinkAfterTheFilesStaysTheLink() throws Exception {
        ParsedArgs args = parse("--attach", "a.pdf", "b.pdf", "MAILTO:jane@example.org");
        assertEquals(List.of("a.pdf", "b.pdf"), args.values("attach"));
        assertEquals(List.of("MAILTO:jane@example.org"), args.operands());
    }

    @Test
    void withAnEqualsSignAttachTakesOneFile() throws Exception {
        ParsedArgs args = parse("--attach=a.pdf", "b.pdf");
        assertEquals(List.of("a.pdf"), args.values("attach"));
        assertEquals(List.of("b.pdf"), args.operands());
    }

    @Test
    void attachWithoutAFileIsBadInput() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--attach", "--to", "jane@example.org"));
        assertEquals("--attach needs a value", e.getMessage());
        assertEquals("--attach needs a value", assertThrows(UsageException.class, () -> parse("--attach")).getMessage());
    }

    @Test
    void everyFileIsCheckedAndMadeAbsolute() throws Exception {
        Path first = Files.writeString(home.resolve("first.txt"), "1");
        Path missing = home.resolve("missing.txt");
        ComposeOptions options = new ComposeOptions(Clock.systemUTC());
        UsageException e = assertThrows(UsageException.class, () -> options.read(parse("--attach", first.toString(),
                missing.toString()), ComposeRequest.EMPTY));
        assertEquals("--attach: " + missing + ": there is no such file", e.getMessage());
        Path relative = Path.of("").toAbsolutePath().relativize(first);
        ComposeRequest request = options.read(parse("--attach", relative.toString(), first.toString()),
                ComposeRequest.EMPTY);
        assertEquals(2, request.attachments().size());
        for (Path file : request.attachments()) {
            assertTrue(file.isAbsolute() && Files.isSameFile(first, file), file.toString());
        }
    }

    @Test
    void sendAttachesEveryFileGivenAfterOneAttach() throws Exception {
        Path first = Files.writeString(home.resolve("first.txt"), "1");
        Path second = Files.writeString(home.resolve("second.txt"), "2");
        Path third = Files.writeString(home.resolve("third.txt"), "3");
        Path profile = home.resolve("profile");
        CommandLineRun run = CommandLineRun.of(home, "send", "--to", "jane@example.org", "--attach", first.toString(),
                second.toString(), "--attach", third.toString(), "--undo-seconds", "0", "--wait=30",
                "--profile", profile.toString());
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        Path eml;
        try (Stream<Path> files = Files.list(profile.resolve(ProfileServices.PICKUP_FOLDER))) {
            eml = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            Multipart parts = (Multipart) new MimeMessage(Session.getInstance(new Properties()), in).getContent();
            assertEquals(4, parts.getCount(), "the text and three files");
            assertEquals("third.txt", parts.getBodyPart(3).getFileName());
        }
    }
}
