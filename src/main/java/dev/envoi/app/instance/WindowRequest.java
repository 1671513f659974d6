package dev.envoi.app.instance;

import dev.envoi.app.cli.ComposeRequest;

/**
 * The window a launch asks for: a compose window filled from {@code compose} (empty: a blank one
 * that offers the drafts), or the outbox.
 */
public record WindowRequest(boolean outbox, ComposeRequest compose) {

    public static WindowRequest compose(ComposeRequest request) {
        return new WindowRequest(false, request);
    }

    public static WindowRequest outboxWindow() {
        return new WindowRequest(true, ComposeRequest.EMPTY);
    }
}
