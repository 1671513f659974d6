package dev.envoi.account;

/** Where the user chose to keep a password or token. */
public enum CredentialChoice {
    /** The operating system's keyring: the default wherever one is reachable. */
    KEYRING,
    /** A file of the profile readable by its owner only: only when the user asks for it. */
    FILE,
    /** Nowhere: asked once per session (or read from ENVOI_SMTP_PASSWORD). */
    SESSION
}
