package dev.envoi.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * RFC 2047 encoded words written by Envoi itself, for the texts Jakarta Mail would leave as they
 * are because they are ASCII: a subject with a word too long to fold, and a subject, display name
 * or file name that holds {@code =?...?=}. Sent verbatim, such text is decoded by the recipient's
 * program into something else ({@code =?UTF-8?B?ZXZpbC5leGU=?=} reads as {@code evil.exe});
 * encoded, it decodes to exactly what the sender typed.
 */
final class EncodedWords {

    // 42 bytes make 56 base64 characters: with "=?UTF-8?B?" and "?=" a 68-character word (RFC 2047
    // allows 75), so even the first, after "Subject: ", ends within 78.
    private static final int BYTES_PER_WORD = 42;

    private EncodedWords() {
    }

    /** True when a reader could take part of {@code text} for an encoded word and decode it. */
    static boolean looksEncoded(String text) {
        return text != null && text.contains("=?");
    }

    /** {@code text} as encoded words of whole characters, separated by single spaces (not folded). */
    static String encode(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
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
        return String.join(" ", words);
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
