package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.eclipse.angus.mail.util.BASE64EncoderStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pre-encoded attachment stream writes byte for byte what Angus's base64 encoder would. */
class Base64LinesInputStreamTest {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 2, 3, 56, 57, 58, 114, 58_367, 58_368, 58_369, 116_736, 300_001})
    void encodesExactlyAsAngusDoes(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        ByteArrayOutputStream angus = new ByteArrayOutputStream();
        try (OutputStream encoder = new BASE64EncoderStream(angus)) {
            encoder.write(data);
        }
        byte[] expected = angus.toByteArray();
        try (InputStream in = new Base64LinesInputStream(new ByteArrayInputStream(data))) {
            assertArrayEquals(expected, in.readAllBytes(), "read whole");
        }
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        Random sizes = new Random(7);
        try (InputStream in = new Base64LinesInputStream(new ByteArrayInputStream(data))) {
            byte[] buffer = new byte[10_000];
            int n;
            while (true) {
                if (sizes.nextInt(10) == 0) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    pieces.write(b);
                    continue;
                }
                n = in.read(buffer, 0, 1 + sizes.nextInt(buffer.length));
                if (n < 0) {
                    break;
                }
                pieces.write(buffer, 0, n);
            }
            assertEquals(-1, in.read(), "stays at its end");
        }
        assertArrayEquals(expected, pieces.toByteArray(), "read in pieces of every size");
    }
}
