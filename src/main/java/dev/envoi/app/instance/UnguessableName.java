package dev.envoi.app.instance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * 64 unpredictable bits, in hex, for the name a socket is bound under before it is made the
 * owner's only. Where the kernel has a random device they are read from it directly: the first
 * bytes of a {@code SecureRandom} (NativePRNG) seed a SHA1PRNG to mix with that same device's, which
 * set up SHA-1 and its byte-array views on the launcher's thread, 12–17 ms of a cold JVM before the
 * window's toolkit could start (docs/benchmarks.md, "Start-up margin"). Elsewhere (Windows)
 * SecureRandom.
 */
final class UnguessableName {

    private static final Path KERNEL_RANDOM = Path.of("/dev/urandom");
    private static final int BYTES = 8;

    private UnguessableName() {
    }

    static String next() {
        byte[] bytes = new byte[BYTES];
        if (!fromKernel(bytes)) {
            new SecureRandom().nextBytes(bytes);
        }
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean fromKernel(byte[] bytes) {
        if (!Files.isReadable(KERNEL_RANDOM)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(KERNEL_RANDOM)) {
            return in.readNBytes(bytes, 0, bytes.length) == bytes.length;
        } catch (IOException | SecurityException e) {
            return false; // SecureRandom then, as everywhere else
        }
    }
}
