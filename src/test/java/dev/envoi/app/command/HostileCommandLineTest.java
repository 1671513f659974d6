package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.message.Recipient;
import dev.envoi.store.QueuedMessage;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.RandomText;
import dev.envoi.transport.MimeRoundTrip;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `envoi send` with hostile option values and mailto: links, drawn at random (seeded; a failure
 * prints the seed): each is refused with exit 2 and one line, or queued as a message that turns
 * into MIME with no added header or recipient and parses back to the same fields. Never a stack
 * trace, never "unexpected error".
 */
@Timeout(120)
class HostileCommandLineTest {

    private static final String[] INJECTIONS = {"\r\nBcc: spy@evil.example", "\nTo: spy@evil.example",
        "%0D%0ABcc:%20spy@evil.example", "\u0085Cc: spy@evil.example", "\u2028Bcc: spy@evil.example", "\0"};

    @TempDir
    Path home;
    private final RandomText random = RandomText.fromSystemSeed();

    private Path profile() {
        return home.resolve("profile");
    }

    @Test
    void hostileValuesAreRefusedInOneLineOrSentWithoutInjection() throws Exception {
        for (int i = 0; i < 120; i++) {
            List<String> args = new ArrayList<>(List.of("send"));
            if (random.random().nextInt(4) == 0) {
                args.add("mailto:" + hostileMailto());
            } else {
                args.addAll(List.of("--to", hostileAddressList()));
            }
            maybe(args, "--cc", this::hostileAddressList);
            maybe(args, "--bcc", this::hostileAddressList);
            maybe(args, "--from", this::hostileAddressList);
            maybe(args, "--subject", () -> random.anyString(random.random().nextInt(8) == 0 ? 1100 : 80));
            maybe(args, "--body", () -> random.anyString(2000));
            maybe(args, "--undo-seconds", () -> pick("0", "60", "-1", "61", "1e3", "", random.anyString(6)));
            maybe(args, "--send-at", () -> pick("2099-01-01T10:00Z", "2001-01-01T00:00Z", "+999999999-12-31T23:59:59Z",
                    "2030-02-30T10:00", random.anyString(20)));
            Optional<Path> file = hostileFile();
            if (file.isPresent()) {
                args.addAll(List.of("--attach", file.get().toString()));
            }
            args.addAll(List.of("--profile", profile().toString()));
            check(args, i);
        }
    }

    @Test
    void hostileIdsAndWaitsAreRefusedInOneLine() {
        for (int i = 0; i < 40; i++) {
            List<String> args = random.random().nextBoolean()
                    ? new ArrayList<>(List.of("cancel", random.anyString(40)))
                    : new ArrayList<>(List.of("outbox", "--flush", "--wait=" + random.anyString(12)));
            args.addAll(List.of("--profile", profile().toString()));
            CommandLineRun run = CommandLineRun.of(home, args.toArray(String[]::new));
            String context = random.describe() + ", run " + i + ": " + run;
            assertTrue(Set.of(ExitCode.OK, ExitCode.BAD_INPUT, ExitCode.NOT_IN_QUEUE).contains(run.exitCode), context);
            assertOneCleanLine(run, context);
        }
    }

    private void check(List<String> args, int i) throws Exception {
        CommandLineRun run = CommandLineRun.of(home, args.toArray(String[]::new));
        String context = random.describe() + ", run " + i + ": " + MimeRoundTrip.escape(String.join(" | ", args))
                + " -> " + run;
        assertTrue(run.exitCode == ExitCode.OK || run.exitCode == ExitCode.BAD_INPUT, context);
        assertOneCleanLine(run, context);
        if (run.exitCode != ExitCode.OK) {
            return;
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            QueuedMessage queued = store.lockNextDue(Instant.now().plus(36500, ChronoUnit.DAYS)).orElseThrow();
            assertEquals(run.out.strip(), queued.id().value(), context);
            for (Recipient r : queued.content().recipients()) {
                assertFalse(r.address().address().contains("evil"), "no injected recipient: " + context);
            }
            MimeRoundTrip.check(queued.content(), store::readAttachment, context);
        }
    }

    private static void assertOneCleanLine(CommandLineRun run, String context) {
        assertEquals(1, run.err.strip().lines().count(), "one line: " + context);
        assertFalse(run.err.contains("unexpected") || run.err.contains("Exception") || run.err.contains("\tat "),
                "no stack trace: " + context);
    }

    private void maybe(List<String> args, String option, java.util.function.Supplier<String> value) {
        if (random.random().nextInt(3) == 0) {
            args.add(option);
            args.add(value.get());
        }
    }

    private String pick(String... choices) {
        return choices[random.random().nextInt(choices.length)];
    }

    private String hostileAddressList() {
        return switch (random.random().nextInt(4)) {
            case 0 -> random.anyString(120);
            case 1 -> "\"" + random.anyString(30) + "\" <jane@example.org>";
            case 2 -> "jane@example.org" + pick(INJECTIONS);
            default -> "jane@example.org, \"Doe, " + random.anyString(10) + "\" <john@example.org>";
        };
    }

    private String hostileMailto() {
        StringBuilder uri = new StringBuilder(random.random().nextBoolean() ? "jane@example.org" : random.anyString(20));
        uri.append('?');
        int fields = random.random().nextInt(5);
        for (int f = 0; f < fields; f++) {
            uri.append(pick("subject=", "body=", "cc=", "bcc=", "to=", "from=", "attach=", "", "X-Evil="));
            uri.append(switch (random.random().nextInt(4)) {
                case 0 -> random.anyString(40);
                case 1 -> pick(INJECTIONS);
                case 2 -> "%" + String.format("%02X", random.random().nextInt(256)) + pick("", "%0A", "%E2%82", "%", "%Z");
                default -> random.from("abc%0123456789ABCDEF@.", 1, 30);
            });
            uri.append('&');
        }
        return uri.toString();
    }

    /** Now and then a file to attach whose name is hostile (Linux allows all but '/' and NUL). */
    private Optional<Path> hostileFile() throws Exception {
        if (random.random().nextInt(3) != 0) {
            return Optional.empty();
        }
        String name = random.anyString(60).replace('/', '_').replace('\0', '_');
        try {
            Path folder = Files.createDirectories(home.resolve("files").resolve(Integer.toString(random.random().nextInt(1 << 30))));
            return Optional.of(Files.writeString(folder.resolve(name.isEmpty() ? "empty" : name), "contents"));
        } catch (InvalidPathException | java.io.IOException e) {
            return Optional.empty(); // a name this file system refuses cannot be attached by anyone
        }
    }

    @Test
    void anAttachmentNamedWithALineBreakIsRefusedByName() throws Exception {
        Path file = Files.writeString(home.resolve("report\r\nBcc: spy@evil.example.txt"), "x");
        CommandLineRun run = CommandLineRun.of(home, "send", "--to", "jane@example.org", "--attach", file.toString(),
                "--profile", profile().toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertOneCleanLine(run, run.toString());
        assertTrue(run.err.contains("--attach") && run.err.contains("line break") && run.err.contains("Rename"), run.err);
        assertTrue(Files.exists(file), "the file is left as it was");
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            assertTrue(store.outbox().isEmpty());
        }
    }
}
