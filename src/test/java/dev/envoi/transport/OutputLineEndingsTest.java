package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envoi.message.Attachment;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 11: each output has one line end throughout, read from the bytes written. A body
 * typed or pasted with lone CRs and LFs (and non-ASCII, so some bodies go out quoted-printable or
 * 8bit) leaves as CRLF lines in a pickup file and as LF lines for sendmail.
 */
class OutputLineEndingsTest {

    private static final String ASCII_BODY = "one\rtwo\nthree\r\nfour\r\rfive\n\nsix";
    private static final String UTF8_BODY = "un\rdeux été\nтри\r\nfour";

    @TempDir
    Path dir;
    private final TestMessages messages = new TestMessages();

    private OutgoingMessage message(String body, boolean withAttachment) {
        List<Attachment> attachments = withAttachment
                ? List.of(messages.attachment("notes.txt", "text/plain", "a\rb\nc".getBytes()))
                : List.of();
        return messages.outgoing(TestMessages.content("line ends", body, attachments));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ascii", "utf8", "ascii+attachment"})
    void aPickupFileIsCrlfThroughout(String kind) throws Exception {
        String body = kind.startsWith("utf8") ? UTF8_BODY : ASCII_BODY;
        new PickupFolderTransport(dir).transfer(message(body, kind.endsWith("attachment")), new RecordingGate());
        byte[] bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = Files.readAllBytes(files.filter(p -> p.toString().endsWith(".eml")).findFirst().orElseThrow());
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r') {
                assertTrue(i + 1 < bytes.length && bytes[i + 1] == '\n', "bare CR at byte " + i);
            } else if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "bare LF at byte " + i);
            }
        }
        assertEquals(body.replaceAll("\r\n|\r|\n", "\r\n"), bodyText(bytes), "the recipient reads the same lines");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ascii", "utf8", "ascii+attachment"})
    void sendmailInputIsLfThroughout(String kind) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "sendmail is a Unix interface");
        Path out = dir.resolve("given.eml");
        Path program = dir.resolve("sendmail");
        Files.writeString(program, "#!/bin/sh\ncat > '" + out + "'\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        String body = kind.startsWith("utf8") ? UTF8_BODY : ASCII_BODY;
        new SendmailTransport(program, Duration.ofSeconds(20)).transfer(message(body, kind.endsWith("attachment")),
                new RecordingGate());
        byte[] bytes = Files.readAllBytes(out);
        for (byte b : bytes) {
            assertFalse(b == '\r', "no CR at all in sendmail's input: " + new String(bytes));
        }
        String lf = body.replaceAll("\r\n|\r|\n", "\n");
        assertEquals(lf, bodyText(bytes).replace("\r\n", "\n"), "the recipient reads the same lines");
    }

    private static String bodyText(byte[] bytes) throws Exception {
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
        Object content = parsed.getContent();
        return content instanceof Multipart multipart ? (String) multipart.getBodyPart(0).getContent() : (String) content;
    }
}
