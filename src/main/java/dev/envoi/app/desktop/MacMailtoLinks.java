package dev.envoi.app.desktop;

import dev.envoi.app.cli.MailtoUri;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.instance.WindowInbox;
import dev.envoi.app.instance.WindowRequest;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * On macOS a clicked mailto: link does not arrive as an argument: the system sends the running
 * app an "open URL" Apple event, which Java delivers through AWT's Desktop. Elsewhere the link is
 * an argument and AWT is never loaded.
 */
final class MacMailtoLinks {

    private MacMailtoLinks() {
    }

    static boolean isMac(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.contains("mac") || os.contains("darwin");
    }

    /** Installs the link handler on macOS; does nothing (and loads no AWT class) anywhere else. */
    static void installIfMac(String osName, WindowInbox inbox, Consumer<String> log) {
        if (isMac(osName) && !AwtOpenUri.install(uri -> open(uri, inbox, log))) {
            log.accept("this Java cannot receive clicked mailto: links (no desktop support)");
        }
    }

    /** A link the system handed over: a compose window filled from it, or one line saying what is wrong. */
    static void open(String uri, WindowInbox inbox, Consumer<String> log) {
        if (!MailtoUri.looksLikeMailto(uri)) {
            log.accept("ignored a link that is not mailto: \"" + Printable.of(uri) + "\"");
            return;
        }
        try {
            inbox.post(WindowRequest.compose(MailtoUri.parse(uri)), log);
        } catch (UsageException e) {
            log.accept(e.getMessage());
        }
    }
}
