package dev.envoi.app;

import dev.envoi.ui.Theme;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the options of a bare `envoi` (compose options, a mailto: link, --outbox, --theme, --lang)
 * and opens the window: in the Envoi already running on the profile if there is one, else here.
 */
final class GuiLauncher {

    static final int STILL_RUNNING = -1;

    private static final Map<String, ParsedArgs.Arity> OPTIONS = withWindowOptions();

    private final Terminal terminal;

    GuiLauncher(Terminal terminal) {
        this.terminal = terminal;
    }

    private static Map<String, ParsedArgs.Arity> withWindowOptions() {
        Map<String, ParsedArgs.Arity> options = new HashMap<>(ComposeOptions.OPTIONS);
        options.put("outbox", ParsedArgs.Arity.FLAG);
        options.put("theme", ParsedArgs.Arity.VALUE);
        options.put("lang", ParsedArgs.Arity.VALUE);
        return Map.copyOf(options);
    }

    int run(List<String> args) throws UsageException {
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
        boolean outbox = parsed.has("outbox");
        Path profile = terminal.checkedProfile(parsed);
        WindowInbox inbox = new WindowInbox();
        SingleInstance instance = new SingleInstance(new InstanceFiles(profile), inbox, terminal::say, parsed.has("debug"));
        try (SingleInstance.Claim claim = instance.claim(outbox ? WindowRequest.outboxWindow()
                : WindowRequest.compose(request), SingleInstance.PATIENCE)) {
            if (claim instanceof SingleInstance.Forwarded) {
                return ExitCode.OK; // the Envoi already running opened the window
            }
            Locale.setDefault(locale);
            Theme.use(theme);
            // Before the toolkit starts: macOS delivers a clicked link as an event, which AWT
            // receives under JavaFX 21 only if AWT is up first (JDK-8354631, fixed in JavaFX 25).
            MacMailtoLinks.installIfMac(terminal.osName(), inbox, terminal::say);
            EnvoiApp.launch(new GuiStart(profile, request, Identities.localUser(terminal), outbox, inbox));
        }
        return ExitCode.OK;
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
}
