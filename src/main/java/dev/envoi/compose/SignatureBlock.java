package dev.envoi.compose;

import dev.envoi.account.Signature;

/**
 * A signature as the plain body carries it: below the text, after the "-- " line (dash, dash,
 * space: RFC 3676 section 4.3), which mail readers recognise to grey it out and leave it out of
 * quotes.
 */
final class SignatureBlock {

    /** The delimiter line, with its trailing space. */
    static final String DELIMITER = "-- ";

    private SignatureBlock() {
    }

    /** What goes at the end of the body for {@code signature}; "" for none. */
    static String of(Signature signature) {
        String text = plainText(signature);
        return text.isBlank() ? "" : "\n\n" + DELIMITER + "\n" + text;
    }

    /** {@code body} with {@code block} below its text. */
    static String appendTo(String body, String block) {
        if (block.isEmpty()) {
            return body;
        }
        return body.isBlank() ? block : body.stripTrailing() + block;
    }

    /** The signature's text; a formatted one's words, line by line. */
    static String plainText(Signature signature) {
        if (signature.format() == Signature.Format.PLAIN) {
            return signature.text();
        }
        String text = signature.text()
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|h[1-6]|blockquote)>", "\n")
                .replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }
}
