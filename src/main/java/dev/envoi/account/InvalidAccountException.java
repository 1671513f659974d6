package dev.envoi.account;

/**
 * Settings an account cannot have, in the user's language, naming the setting. Says apart the one
 * refusal a confirmation lifts (sending in the clear), so callers need not read the sentence.
 */
public final class InvalidAccountException extends IllegalArgumentException {

    private final boolean needsInsecureConsent;

    InvalidAccountException(String message, boolean needsInsecureConsent) {
        super(message);
        this.needsInsecureConsent = needsInsecureConsent;
    }

    /** True when confirming that the user accepts sending without encryption would lift this refusal. */
    public boolean needsInsecureConsent() {
        return needsInsecureConsent;
    }
}
