package dev.envoi.app;

import java.util.List;

/** Reads the compose options of a bare `envoi` (and a mailto: link) and opens the window. */
final class GuiLauncher {

    static final int STILL_RUNNING = -1;

    private final Terminal terminal;

    GuiLauncher(Terminal terminal) {
        this.terminal = terminal;
    }

    int run(List<String> args) throws UsageException {
        ParsedArgs parsed = ParsedArgs.parse(args, ComposeOptions.OPTIONS, ComposeOptions.REPEATABLE);
        ComposeRequest base = ComposeRequest.EMPTY;
        for (String operand : parsed.operands()) {
            if (!MailtoUri.looksLikeMailto(operand)) {
                throw new UsageException("unknown command \"" + Printable.of(operand) + "\" (see envoi --help)");
            }
            base = MailtoUri.parse(operand);
        }
        if (parsed.has("wait") || parsed.has("send-at") || parsed.has("undo-seconds")) {
            throw new UsageException("--wait, --send-at and --undo-seconds go with `envoi send`");
        }
        ComposeRequest request = new ComposeOptions(terminal.clock()).read(parsed, base);
        EnvoiApp.launch(new GuiStart(terminal.profile(parsed), request, Identities.localUser(terminal)));
        return ExitCode.OK;
    }
}
