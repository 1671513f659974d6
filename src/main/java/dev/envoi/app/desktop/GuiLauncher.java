package dev.envoi.app.desktop;

import dev.envoi.app.cli.CommonOptions;
import dev.envoi.app.cli.ComposeOptions;
import dev.envoi.app.cli.ComposeRequest;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.Identities;
import dev.envoi.app.cli.MailtoUri;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.instance.InstanceFiles;
import dev.envoi.app.instance.SingleInstance;
import dev.envoi.app.instance.WindowInbox;
import dev.envoi.app.wiring.QuietLibraries;
import dev.envoi.log.LogText;
import dev.envoi.ui.Theme;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Reads the options of a bare `envoi` (compose options, a mailto: link, --outbox, --theme, --lang)
 * and opens the window: in the Envoi already running on the profile if there is one, else here.
 */
public final class GuiLauncher {

    public static final int STILL_RUNNING = -1;

    private static final Map<String, ParsedArgs.Arity> OPTIONS = withWindowOptions();

    private final Terminal terminal;

    public GuiLauncher(Terminal terminal) {
        this.terminal = terminal;
    }

    private static Map<String, ParsedArgs.Arity> withWindowOptions() {
        Map<String, ParsedArgs.Arity> options = new HashMap<>(ComposeOptions.OPTIONS);
        options.put("outbox", ParsedArgs.Arity.FLAG);
        options.put("theme", ParsedArgs.Arity.VALUE);
        options.put("lang", ParsedArgs.Arity.VALUE);
        return Map.copyOf(options);
    }

    /** What a bare `envoi` with these arguments opens, read and checked; nothing is started yet. */
    record WindowArgs(GuiStart start, Theme theme, Locale locale, boolean debug) {
        /** The language and theme of every window from now on. */
        void apply() {
            Locale.setDefault(locale);
            Theme.use(theme);
        }
    }

    public int run(List<String> args) throws UsageException {
        WindowArgs window = read(args);
        GuiStart start = window.start();
        SingleInstance instance = new SingleInstance(new InstanceFiles(start.profile()), start.inbox(), sayAndLog(),
                window.debug());
        try (SingleInstance.Claim claim = instance.claim(start.window(), SingleInstance.PATIENCE)) {
            if (claim instanceof SingleInstance.Forwarded) {
                return ExitCode.OK; // the Envoi already running opened the window
            }
            window.apply();
            // Before the toolkit starts: macOS delivers a clicked link as an event, which AWT
            // receives under JavaFX 21 only if AWT is up first (JDK-8354631, fixed in JavaFX 25).
            MacMailtoLinks.installIfMac(terminal.osName(), start.inbox(), sayAndLog());
            QuietLibraries.settled();
            EnvoiApp.launch(start);
        }
        return ExitCode.OK;
    }

    /** Reads the arguments of a bare `envoi` (the launcher's, or an {@link EnvoiApp} started by itself). */
    WindowArgs read(List<String> args) throws UsageException {
        ParsedArgs parsed = ParsedArgs.parse(args, OPTIONS, ComposeOptions.REPEATABLE);
        ComposeRequest base = ComposeRequest.EMPTY;
        for (String operand : parsed.operands()) {
            if (CommonOptions.COMMANDS.contains(operand)) {
                throw CommonOptions.misplaced(operand);
            }
            if (!MailtoUri.looksLikeMailto(operand)) {
                throw new UsageException("unknown command \"" + Printable.of(operand) + "\" (see envoi --help)");
            }
            if (!base.isEmpty()) {
                throw new UsageException("give one mailto: link at a time");
            }
            base = MailtoUri.parse(operand);
        }
        if (parsed.has("wait") || parsed.has("send-at") || parsed.has("undo-seconds")) {
            throw new UsageException("--wait, --send-at and --undo-seconds go with `envoi send`");
        }
        ComposeRequest request = new ComposeOptions(terminal.clock()).read(parsed, base);
        Theme theme = theme(parsed);
        Locale locale = parsed.value("lang").isPresent() ? language(parsed.value("lang").get()) : Locale.getDefault();
        Path profile = terminal.checkedProfile(parsed);
        GuiStart start = new GuiStart(profile, request, Identities.localUser(terminal), parsed.has("outbox"),
                new WindowInbox());
        return new WindowArgs(start, theme, locale, parsed.has("debug"));
    }

    private Theme theme(ParsedArgs parsed) throws UsageException {
        try {
            return Theme.choose(parsed.value("theme").orElse(null), terminal.env());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Locale language(String tag) throws UsageException {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new UsageException("--lang needs a language such as en or fr");
            }
            return locale;
        } catch (IllformedLocaleException e) {
            throw new UsageException("--lang: \"" + Printable.of(tag) + "\" is not a language tag such as en or fr");
        }
    }

    /**
     * What the running window's Envoi notes about other launches and clicked links: on the terminal
     * it was started from, if any, and in the profile's log, since a desktop launch has no terminal.
     */
    private Consumer<String> sayAndLog() {
        return line -> {
            terminal.say(line);
            // Looked up here, not when the class loads: logback's start stays off the window's way.
            LoggerFactory.getLogger(GuiLauncher.class).info("{}", LogText.reason(line));
        };
    }
}
