package dev.envoi.app.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** %XX escapes of UTF-8 octets: mailto: links, and the window requests one launch sends another. */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Text that is not a valid %-encoding; the message names where it came from and what is wrong.
     * Its own exception, not the command line's: the instance channel decodes too, and says so its own way.
     */
    public static final class MalformedEscapeException extends Exception {
        MalformedEscapeException(String message) {
            super(message);
        }
    }

    private PercentEncoding() {
    }

    /**
     * Escapes '%', spaces and control characters (line breaks included), so the text fits in one
     * space-separated field of one line; everything else stays as it is.
     */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c <= 0x20 || c == 0x7f) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Strict decoding: a cut-off or invalid escape, or octets that are not UTF-8, are refused, naming {@code label}. */
    public static String decode(String text, String label) throws MalformedEscapeException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new MalformedEscapeException(label + ": \"" + Printable.of(text) + "\" has a cut-off % escape");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedEscapeException(label + ": \"" + Printable.of(text) + "\" has an invalid % escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEscapeException(label + ": \"" + Printable.of(text) + "\" is not UTF-8 once decoded");
        }
    }
}
