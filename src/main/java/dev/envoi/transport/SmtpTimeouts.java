package dev.envoi.transport;

import java.time.Duration;

/**
 * How long the SMTP client waits, after RFC 5321 section 4.5.3.2. Angus waits forever unless told
 * otherwise, so every one is always set. The wait for the reply to the end-of-data marker is the
 * longest: giving up there while the server is still working is what makes duplicate messages.
 *
 * @param connect   to open the TCP connection (and, for implicit TLS, its handshake)
 * @param command   for the greeting and the reply to each command (RFC: 5 minutes for MAIL and RCPT)
 * @param write     for one block of message data to be taken by the server (RFC: 3 minutes)
 * @param endOfData for the reply once the whole message is sent (RFC: 10 minutes)
 */
public record SmtpTimeouts(Duration connect, Duration command, Duration write, Duration endOfData) {

    /** The RFC 5321 figures; connecting gets 30 s, as a server that does not answer a SYN by then is away. */
    public static SmtpTimeouts standard() {
        return new SmtpTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(3),
                Duration.ofMinutes(10));
    }

    public SmtpTimeouts {
        for (Duration d : new Duration[] {connect, command, write, endOfData}) {
            if (d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("every SMTP timeout must be positive and below 24 days: " + d);
            }
        }
        if (endOfData.compareTo(command) < 0) {
            throw new IllegalArgumentException("the end-of-data wait must be at least the command wait");
        }
    }

    int millis(Duration d) {
        return (int) d.toMillis();
    }
}
