package dev.envoi.transport;

import dev.envoi.i18n.Sentences;
import java.nio.file.Files;
import java.nio.file.Path;

/** File names in the pickup folder: the Message-ID made safe for any file system, never reused. */
final class PickupFileNames {

    private static final Sentences WORDS = Sentences.of(PickupFileNames.class);

    private static final int MAX_STEM = 120;

    private PickupFileNames() {
    }

    /** A name from the Message-ID with nothing that could leave the folder or clash with a file. */
    static String stem(String messageId) {
        String bare = messageId.replaceAll("^<|>$", "");
        String safe = bare.replaceAll("[^A-Za-z0-9@._+-]", "_").replaceAll("^\\.+", "_");
        if (safe.isEmpty()) {
            safe = "message";
        }
        return safe.length() > MAX_STEM ? safe.substring(0, MAX_STEM) : safe;
    }

    /** The first free name; a resent message (same Message-ID) never overwrites the first copy. */
    static Path freeName(Path folder, String messageId) {
        String stem = stem(messageId);
        Path candidate = folder.resolve(stem + ".eml");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + ".eml");
        }
        return candidate;
    }

    static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.getMessage();
            if (text != null && text.contains("No space left")) {
                return WORDS.get("pickup.diskFull");
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
