package dev.envoi.app;

/**
 * The window a launch asks for: a compose window filled from {@code compose} (empty: a blank one
 * that offers the drafts), or the outbox.
 */
record WindowRequest(boolean outbox, ComposeRequest compose) {

    static WindowRequest compose(ComposeRequest request) {
        return new WindowRequest(false, request);
    }

    static WindowRequest outboxWindow() {
        return new WindowRequest(true, ComposeRequest.EMPTY);
    }
}
