package dev.envoi.app.wiring;

import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows the sign-in page: printed on the terminal always (the user may be on another machine's
 * screen, or the browser may not start), and opened with $BROWSER when set (as `man` and `git`
 * do: the first of its colon-separated commands, "%s" replaced by the address, else the address
 * added), else with the desktop's default browser. The address holds no secret.
 */
public final class BrowserLauncher {

    private final Terminal terminal;

    public BrowserLauncher(Terminal terminal) {
        this.terminal = terminal;
    }

    public void show(URI page) {
        terminal.say("sign in in your browser; if it did not open, visit this address:");
        terminal.err().println(page);
        try {
            if (!open(page, terminal.env())) {
                terminal.say("no browser could be opened here: open the address above yourself");
            }
        } catch (IOException | RuntimeException e) {
            terminal.say("the browser could not be opened (" + Printable.of(String.valueOf(e.getMessage()))
                    + "): open the address above yourself");
        }
    }

    /** Opens the page with $BROWSER, else the desktop's browser; false when there is neither. */
    public static boolean open(URI page, java.util.Map<String, String> env) throws IOException {
        String browser = env.getOrDefault("BROWSER", "").strip();
        if (!browser.isEmpty()) {
            run(browser.split(":")[0], page);
            return true;
        }
        return openWithDesktop(page);
    }

    private static void run(String command, URI page) throws IOException {
        List<String> words = new ArrayList<>(List.of(command.strip().split("\\s+")));
        if (command.contains("%s")) {
            words.replaceAll(w -> w.replace("%s", page.toString()));
        } else {
            words.add(page.toString());
        }
        new ProcessBuilder(words).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static boolean openWithDesktop(URI page) throws IOException {
        if (java.awt.GraphicsEnvironment.isHeadless() || !java.awt.Desktop.isDesktopSupported()
                || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
            return false;
        }
        java.awt.Desktop.getDesktop().browse(page);
        return true;
    }
}
