package dev.envoi.account;

import java.util.Objects;

/**
 * The text an account puts below every new message it sends.
 *
 * @param text the signature without its delimiter line: plain text, or for {@link Format#HTML} the
 *             sanitised HTML of a formatted one
 * @param format how {@code text} is written
 */
public record Signature(String text, Format format) {

    /** How a signature is kept. */
    public enum Format { PLAIN, HTML }

    /** No signature. */
    public static final Signature NONE = new Signature("", Format.PLAIN);

    public Signature {
        Objects.requireNonNull(format, "format");
        // Trailing blank lines would only push the message's end down; line ends kept as "\n".
        text = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    }

    /** A plain-text signature. */
    public static Signature plain(String text) {
        return new Signature(text, Format.PLAIN);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
