package dev.envoi.app.desktop;

import java.awt.Desktop;
import java.util.function.Consumer;

/** The only class that touches AWT; loaded on macOS alone, by {@link MacMailtoLinks}. */
final class AwtOpenUri {

    private AwtOpenUri() {
    }

    /** Hands every URI the system asks the app to open to {@code uris}; false when this Java cannot. */
    static boolean install(Consumer<String> uris) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_URI)) {
            return false;
        }
        Desktop.getDesktop().setOpenURIHandler(event -> uris.accept(event.getURI().toString()));
        return true;
    }
}
