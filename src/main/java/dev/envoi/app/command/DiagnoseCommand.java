package dev.envoi.app.command;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.files.OwnerOnly;
import dev.envoi.log.ProfileLog;
import dev.envoi.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * `envoi diagnose [--output FILE]`: writes what a bug report needs (see {@link DiagnosisReport})
 * into the profile's logs folder, or FILE, and says where. It works on a profile whose store does
 * not open too: that is when a report is wanted most, and the report says what failed.
 */
public final class DiagnoseCommand {

    private static final Map<String, ParsedArgs.Arity> OPTIONS = Map.of("profile", ParsedArgs.Arity.VALUE,
            "debug", ParsedArgs.Arity.FLAG, "output", ParsedArgs.Arity.VALUE);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Terminal terminal;

    public DiagnoseCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    public int run(List<String> args) throws UsageException, IOException {
        ParsedArgs parsed = ParsedArgs.parse(args, OPTIONS, Set.of());
        if (!parsed.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + Printable.of(parsed.operands().get(0)) + "\"");
        }
        Path profile = terminal.checkedProfile(parsed);
        DiagnosisReport report = new DiagnosisReport(profile, terminal.clock().instant());
        try (ProfileServices services = ProfileServices.open(profile, terminal.env())) {
            report.addProfile(services.store());
        } catch (StoreException e) {
            report.storeFailed(e);
        }
        Path file = parsed.value("output").map(Path::of).orElseGet(() -> profile.resolve(ProfileLog.FOLDER)
                .resolve("diagnose-" + STAMP.format(terminal.clock().instant()) + ".txt")).toAbsolutePath();
        report.addLog(ProfileLog.recentLines(profile, DiagnosisReport.LOG_LINES));
        write(file, report.text());
        terminal.out().println(file);
        terminal.say("wrote a report for a bug report to " + file
                + " (no message content, addresses or passwords: read it before you send it)");
        return ExitCode.OK;
    }

    /** Owner-only when new: the report names the profile's accounts and servers. */
    private static void write(Path file, String text) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            OwnerOnly.createDirectories(parent);
        }
        OwnerOnly.createFile(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
