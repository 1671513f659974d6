package dev.envoi.message;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file attached to a message, as it sits in the store's vault: its name as the recipient will
 * see it, media type, exact size and SHA-256 of the bytes (which also names the vault file).
 */
public record Attachment(String fileName, String mediaType, long size, String sha256) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        // Only what a header cannot carry is refused here; the bidi rule applies where a file is
        // imported (problemWithName), so a name an older Envoi saved with one still loads.
        NameProblem problem = problemInHeader(fileName);
        if (problem != null) {
            throw new IllegalArgumentException(problem.english());
        }
        if (size < 0) {
            throw new IllegalArgumentException("an attachment size cannot be negative");
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        }
    }

    /** Why a file name cannot travel in a mail header (a line break there would start a new header). */
    public enum NameProblem {
        EMPTY("an attachment name must not be empty"),
        CONTROL_CHARACTER("an attachment name must not hold a line break or a control character"),
        // invoice\u202Efdp.exe would read as invoiceexe.pdf.
        BIDI_CONTROL("an attachment name must not hold a character that reverses the text direction (U+202E and "
                + "the like): it can disguise the real type of the file");

        private final String english;

        NameProblem(String english) {
            this.english = english;
        }

        /** For programmers and logs; the store says it in the user's language (a bundle key per constant). */
        public String english() {
            return english;
        }
    }

    /** Null when a file entering Envoi may carry this name, else why not. */
    public static NameProblem problemWithName(String fileName) {
        NameProblem problem = problemInHeader(fileName);
        if (problem != null) {
            return problem;
        }
        if (TextControls.firstBidiIn(fileName) >= 0) {
            return NameProblem.BIDI_CONTROL;
        }
        return null;
    }

    /** Null when the name can travel in a mail header, else why not: the rule stored names obey too. */
    private static NameProblem problemInHeader(String fileName) {
        if (fileName.isBlank()) {
            return NameProblem.EMPTY;
        }
        if (AddressRules.hasControlCharacter(fileName)) {
            return NameProblem.CONTROL_CHARACTER;
        }
        return null;
    }
}
