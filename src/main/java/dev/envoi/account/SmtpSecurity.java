package dev.envoi.account;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
    /** Implicit TLS from the first byte (submissions port 465). */
    TLS(465),
    /** Plain connection upgraded with STARTTLS, which is required: never silently skipped (port 587). */
    STARTTLS(587),
    /** No encryption: only for a server on this machine, or when the user confirmed it. */
    NONE(25);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
