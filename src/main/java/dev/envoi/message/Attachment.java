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
        String problem = problemWithName(fileName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (size < 0) {
            throw new IllegalArgumentException("an attachment size cannot be negative");
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        }
    }

    /** Null when the name can travel in a mail header, else why not (a line break there would start a new header). */
    public static String problemWithName(String fileName) {
        if (fileName.isBlank()) {
            return "an attachment name must not be empty";
        }
        if (AddressRules.hasControlCharacter(fileName)) {
            return "an attachment name must not hold a line break or a control character";
        }
        return null;
    }
}
