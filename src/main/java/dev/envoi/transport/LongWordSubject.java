package dev.envoi.transport;

import jakarta.mail.internet.MimeUtility;

/**
 * A subject with a word too long to fold (a long URL, a pasted hash) would make a header line
 * longer than RFC 5322 allows (78 should, 998 must). Jakarta Mail leaves ASCII as it is, so such
 * a subject is written as RFC 2047 encoded words, which may be split anywhere and are joined
 * again by every reader (whitespace between encoded words is ignored, RFC 2047 section 6.2).
 */
final class LongWordSubject {

    private static final String FIELD = "Subject: ";
    private static final int LINE = 78;

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
        return MimeUtility.fold(FIELD.length(), EncodedWords.encode(subject));
    }
}
