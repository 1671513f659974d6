package dev.envoi.transport;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The secret a server refused, remembered as a SHA-256 digest (never the secret), so the same one
 * is not tried again: no retry storm, no account locked by repeated failures.
 */
final class RefusedLogin {

    private byte[] digest;
    private String serverReply = "";

    void remember(char[] secret, String reply) {
        digest = digest(secret);
        serverReply = reply;
    }

    /** True when this is the secret the server refused. */
    boolean isThe(char[] secret) {
        return digest != null && MessageDigest.isEqual(digest, digest(secret));
    }

    String serverReply() {
        return serverReply;
    }

    /** A digest, so a refused secret can be recognised without keeping it. */
    private static byte[] digest(char[] secret) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw);
            Arrays.fill(raw, (byte) 0);
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
