package dev.envoi.app.desktop;

/** What Envoi asks when its last window closes while messages wait for a later time; tests answer it directly. */
interface QuitQuestion {

    /** The user's choice. */
    enum Answer {
        /** Quit now: the waiting messages go out the next time Envoi starts. */
        QUIT,
        /** Stay, windowless, until every waiting message has gone out (or failed for good). */
        KEEP_RUNNING
    }

    /** Asks on the FX thread; {@code waiting} is how many messages wait for a later time. */
    Answer ask(int waiting);
}
