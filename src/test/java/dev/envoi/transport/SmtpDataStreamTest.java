package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Envoi's SMTP data stream writes byte for byte what Angus's would, the end of data included. */
class SmtpDataStreamTest {

    /** Bytes that matter to SMTP transparency, often, among some that do not. */
    private static final byte[] ALPHABET = {'\r', '\n', '.', '.', 'a', 'Z', ' ', 0, (byte) 0xe9};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void hostileDataComesOutAsAngusWritesIt(long seed) throws Exception {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(300)];
            for (int i = 0; i < data.length; i++) {
                data[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            assertSameAsAngus(data, random, "seed " + seed + ", round " + round);
        }
    }

    @Test
    void theEdgesOfTransparency() throws Exception {
        for (String data : new String[] {"", ".", "..", ".\r\n", "a\r", "a\n", "\r\r", "\n\r", "\r.\n", "a\r\n.",
                "a\n.b", "a\r.b", "x\r\n.\r\n", "no end", "line\r\n", "\r\n.\r\n.\r\n"}) {
            assertSameAsAngus(data.getBytes(StandardCharsets.ISO_8859_1), new Random(data.hashCode()), data);
        }
    }

    @Test
    void base64LinesAtTheStartOfALinePassWithoutAScan() throws Exception {
        byte[] file = new byte[100_000];
        new Random(3).nextBytes(file);
        byte[] lines = new Base64LinesInputStream(new ByteArrayInputStream(file)).readAllBytes();

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SmtpDataStream data = new SmtpDataStream(wire, 1000);
        data.write("Content-Transfer-Encoding: base64\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        data.writeBase64Lines(new Base64LinesInputStream(new ByteArrayInputStream(file)));
        data.write("--end--".getBytes(StandardCharsets.US_ASCII));
        data.finish();

        assertEquals(lines.length, data.passedUnscanned());
        assertArrayEquals(angus(("Content-Transfer-Encoding: base64\r\n\r\n" + new String(lines,
                StandardCharsets.US_ASCII) + "--end--").getBytes(StandardCharsets.US_ASCII)), wire.toByteArray());
    }

    @Test
    void base64LinesInTheMiddleOfALineAreScannedAsAnyData() throws Exception {
        byte[] file = {1, 2, 3};
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SmtpDataStream data = new SmtpDataStream(wire, 1000);
        data.write("not at the start\r".getBytes(StandardCharsets.US_ASCII));
        data.writeBase64Lines(new Base64LinesInputStream(new ByteArrayInputStream(file)));
        data.finish();

        assertEquals(0, data.passedUnscanned());
        assertEquals("not at the start\r\nAQID\r\n", wire.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void flushSendsNothingBeforeTheEnd() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SmtpDataStream data = new SmtpDataStream(wire);
        data.write("part one\r\n".getBytes(StandardCharsets.US_ASCII));
        data.flush();
        assertEquals(0, wire.size(), "Jakarta Mail's flush after a part must not push a small segment out");
        data.finish();
        assertEquals("part one\r\n", wire.toString(StandardCharsets.US_ASCII));
    }

    /** Writes the data in random pieces, some a byte at a time, through a small buffer. */
    private static void assertSameAsAngus(byte[] data, Random random, String what) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SmtpDataStream envoi = new SmtpDataStream(wire, 1 + random.nextInt(16));
        int at = 0;
        while (at < data.length) {
            if (random.nextInt(4) == 0) {
                envoi.write(data[at++]);
            } else {
                int n = Math.min(data.length - at, random.nextInt(40));
                envoi.write(data, at, n);
                at += n;
            }
        }
        envoi.finish();
        assertArrayEquals(angus(data), wire.toByteArray(), what);
        assertTrue(wire.size() == 0 || wire.toByteArray()[wire.size() - 1] == '\n', "ends at the start of a line");
    }

    private static byte[] angus(byte[] data) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SMTPOutputStream angus = new SMTPOutputStream(wire);
        angus.write(data);
        angus.ensureAtBOL();
        return wire.toByteArray();
    }
}
