package dev.envoi.setup;

import dev.envoi.account.SmtpSecurity;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One server found for an address: its host, port and how the connection is protected. Used for
 * both the outgoing (SMTP) and the incoming (IMAP) server; for IMAP, TLS means port 993 style.
 */
public record Endpoint(String host, int port, SmtpSecurity security) {

    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*");

    public Endpoint {
        Objects.requireNonNull(security, "security");
        host = host.strip().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        // A name from the network is only taken if it is a plain host name (no spaces, controls, URLs).
        if (host.length() > 253 || !HOST.matcher(host).matches() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a server: " + host + ":" + port);
        }
    }

    /** True when the host is the domain itself or a name under it. */
    public boolean isInside(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return host.equals(d) || host.endsWith("." + d);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT) + ")";
    }
}
