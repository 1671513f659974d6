package dev.envoi.account;

import java.util.Objects;

/**
 * How an account's new messages start: its signature, and whether they are plain text only unless
 * the user chooses formatting for one message. Kept beside the account, not in {@link Account}: only
 * the compose window needs them, every sender needs the account.
 */
public record WritingSettings(Signature signature, boolean plainTextOnly) {

    /** No signature, formatting allowed: an account that never set either. */
    public static final WritingSettings DEFAULT = new WritingSettings(Signature.NONE, false);

    public WritingSettings {
        Objects.requireNonNull(signature, "signature");
    }
}
