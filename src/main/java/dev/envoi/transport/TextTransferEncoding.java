package dev.envoi.transport;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimePart;
import java.nio.charset.StandardCharsets;

/**
 * The Content-Transfer-Encoding Jakarta Mail would choose for a UTF-8 text part, chosen by Envoi
 * before {@code saveChanges} so Jakarta Mail does not choose it itself. Its way
 * ({@code MimeUtility.getEncoding}) writes the whole text once more through the part's content
 * handler into a counting stream: a third of the message's assembly on the hand-off path (issue
 * 21's profile). The rule is the same, on the same UTF-8 bytes, so the bytes sent do not change:
 * all ASCII with lines of at most 998 bytes is 7bit; more ASCII than not is quoted-printable;
 * else base64. Control bytes other than CR, LF and TAB, and DEL, count as not ASCII.
 */
final class TextTransferEncoding {

    private static final int LONGEST_LINE = 998;

    private TextTransferEncoding() {
    }

    /** Sets the part's encoding for {@code text}, the content just given to it (which clears the header). */
    static void set(MimePart part, String text) throws MessagingException {
        part.setHeader("Content-Transfer-Encoding", of(text));
    }

    static String of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int ascii = 0;
        int other = 0;
        int line = 0;
        boolean longLine = false;
        for (byte value : bytes) {
            int b = value & 0xff;
            if (b == '\r' || b == '\n') {
                line = 0;
            } else if (++line > LONGEST_LINE) {
                longLine = true;
            }
            if (b >= 0x7f || (b < 0x20 && b != '\r' && b != '\n' && b != '\t')) {
                other++;
            } else {
                ascii++;
            }
        }
        if (other == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return ascii > other ? "quoted-printable" : "base64";
    }
}
