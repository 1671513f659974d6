package dev.envoi.app.desktop;

import dev.envoi.app.cli.ComposeRequest;
import dev.envoi.app.instance.WindowInbox;
import dev.envoi.app.instance.WindowRequest;
import dev.envoi.message.MailAddress;
import java.nio.file.Path;

/**
 * What the window process starts with: the profile, what to compose (or the outbox), the local
 * user's address, and the inbox through which later launches ask for more windows.
 */
record GuiStart(Path profile, ComposeRequest request, MailAddress localUser, boolean outbox, WindowInbox inbox) {

    /** The first window. */
    WindowRequest window() {
        return outbox ? WindowRequest.outboxWindow() : WindowRequest.compose(request);
    }
}
