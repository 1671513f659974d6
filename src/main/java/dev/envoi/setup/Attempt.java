package dev.envoi.setup;

/**
 * What one step of the search did: which source, what it asked (a URL, a DNS name, a host), and
 * how it went. Shown by `envoi account add --auto` so the user sees why a step was passed over.
 */
public record Attempt(Source source, String asked, Outcome outcome, String detail) {

    /** How a step went. */
    public enum Outcome {
        /** It answered with settings that were taken. */
        FOUND,
        /** It answered: nothing there. */
        NOTHING,
        /** It answered with settings that were not safe to take (the detail says why). */
        REFUSED,
        /** It failed: an error, a malformed answer. */
        FAILED,
        /** It did not answer in time. */
        TIMED_OUT,
        /** Not asked: an earlier step already answered. */
        SKIPPED
    }
}
