package dev.envoi.transport;

import dev.envoi.i18n.Sentences;
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

    private static final Sentences WORDS = Sentences.of(SmtpTimeouts.class);

    /** The RFC 5321 figures; connecting gets 30 s, as a server that does not answer a SYN by then is away. */
    public static SmtpTimeouts standard() {
        return new SmtpTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(3),
                Duration.ofMinutes(10));
    }

    /**
     * Reads {@code connect=30,command=300,write=180,end=600} (seconds; any subset, the rest stay
     * standard), as given in the ENVOI_SMTP_TIMEOUTS variable.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static SmtpTimeouts parse(String text) {
        SmtpTimeouts t = standard();
        if (text == null || text.isBlank()) {
            return t;
        }
        Duration connect = t.connect();
        Duration command = t.command();
        Duration write = t.write();
        Duration end = t.endOfData();
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("=", 2);
            Duration value;
            try {
                value = Duration.ofSeconds(Long.parseLong(pair.length == 2 ? pair[1].strip() : ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(WORDS.get("timeouts.notPair", part.strip()));
            }
            switch (pair[0].strip()) {
                case "connect" -> connect = value;
                case "command" -> command = value;
                case "write" -> write = value;
                case "end" -> end = value;
                default -> throw new IllegalArgumentException(WORDS.get("timeouts.unknownName", pair[0].strip()));
            }
        }
        return new SmtpTimeouts(connect, command, write, end);
    }

    public SmtpTimeouts {
        for (Duration d : new Duration[] {connect, command, write, endOfData}) {
            if (d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(WORDS.get("timeouts.range", d));
            }
        }
        if (endOfData.compareTo(command) < 0) {
            throw new IllegalArgumentException(WORDS.get("timeouts.order"));
        }
    }

    int millis(Duration d) {
        return (int) d.toMillis();
    }
}
