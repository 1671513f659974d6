package dev.envoi.compose;

import java.util.regex.Pattern;

/** What a careful colleague would ask before a message goes: the subject, the forgotten file. */
final class PreSendChecks {

    // Thunderbird's attachment reminder words, in English and French.
    private static final Pattern ATTACHMENT_WORDS = Pattern.compile(
            "(?iu)(?<![\\p{L}])(attached|attachments?|pi[eè]ces?\\s+jointes?|ci-joint|joints?|jointes?)(?![\\p{L}])");

    private PreSendChecks() {
    }

    static boolean lacksSubject(String subject) {
        return subject == null || subject.isBlank();
    }

    static boolean mentionsAnAttachment(String body) {
        return body != null && ATTACHMENT_WORDS.matcher(body).find();
    }
}
