package dev.envoi.transport;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A subject with a word too long to fold (a long URL, a pasted hash) would make a header line
 * longer than RFC 5322 allows (78 should, 998 must). Jakarta Mail leaves ASCII as it is, so such
 * a subject is written as RFC 2047 encoded words, which may be split anywhere and are joined
 * again by every reader (whitespace between encoded words is ignored, RFC 2047 section 6.2).
 */
final class LongWordSubject {

    private static final String FIELD = "Subject: ";
    private static final int LINE = 78;
    // 42 bytes make 56 base64 characters: with "=?UTF-8?B?" and "?=" a 68-character word (RFC 2047
    // allows 75), so even the first, after "Subject: ", ends within 78.
    private static final int BYTES_PER_WORD = 42;

    private LongWordSubject() {
    }

    /** True when some word could not fit on a folded line of its own. */
    static boolean needsEncoding(String subject) {
        for (String word : subject.split("[ \t]+")) {
            if (FIELD.length() + word.length() > LINE) {
                return true;
            }
        }
        return false;
    }

    /** The folded header value: encoded words of whole characters, each on a line that fits. */
    static String encode(String subject) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < subject.length(); ) {
            int codePoint = subject.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int bytes = character.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + bytes > BYTES_PER_WORD) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.append(character);
            chunkBytes += bytes;
            i += Character.charCount(codePoint);
        }
        if (chunk.length() > 0) {
            words.add(word(chunk.toString()));
        }
        return MimeUtility.fold(FIELD.length(), String.join(" ", words));
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
