package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PickupFolderTransportTest {

    @TempDir
    Path pickup;
    private final TestMessages messages = new TestMessages();
    private final RecordingGate gate = new RecordingGate();

    @Test
    void theEmlParsesBackToTheSameMessage() throws Exception {
        byte[] photo = new byte[200_000];
        new Random(3).nextBytes(photo);
        Attachment attachment = messages.attachment("Relevé de compte – été.jpg", "image/jpeg", photo);
        String body = "Bonjour Jane,\n\nvoici le relevé — 予定 🗓.\n" + "Une longue ligne ".repeat(30) + "\n";
        OutgoingMessage outgoing = messages.outgoing(TestMessages.content("Réunion – 予定 🗓", body, List.of(attachment)));

        HandOffReceipt receipt = new PickupFolderTransport(pickup).transfer(outgoing, gate);

        assertTrue(gate.handedOff.get());
        Path eml = onlyEml();
        assertTrue(receipt.reply().contains(eml.toString()));
        MimeMessage parsed = parse(eml);
        assertEquals("Réunion – 予定 🗓", parsed.getSubject());
        assertEquals(new InternetAddress("emile@example.org", "Émile Envoi", "UTF-8"), parsed.getFrom()[0]);
        assertEquals("Doe, Jane", ((InternetAddress) parsed.getRecipients(Message.RecipientType.TO)[0]).getPersonal());
        assertEquals("cc@example.org", ((InternetAddress) parsed.getRecipients(Message.RecipientType.CC)[0]).getAddress());
        assertNull(parsed.getRecipients(Message.RecipientType.BCC));
        assertEquals(outgoing.messageId(), parsed.getMessageID());
        assertEquals(Date.from(outgoing.submittedAt()), parsed.getSentDate());

        Multipart multipart = (Multipart) parsed.getContent();
        assertEquals(2, multipart.getCount());
        Part text = multipart.getBodyPart(0);
        assertTrue(text.isMimeType("text/plain"));
        assertTrue(text.getContentType().toLowerCase().contains("charset=utf-8"));
        assertEquals(body, ((String) text.getContent()).replace("\r\n", "\n"));
        Part file = multipart.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, file.getDisposition());
        assertEquals("Relevé de compte – été.jpg", file.getFileName());
        try (InputStream in = file.getInputStream()) {
            assertArrayEquals(photo, in.readAllBytes());
        }
    }

    @Test
    void theRawHeadersAreEncodedAndHoldNoBcc() throws Exception {
        Attachment attachment = messages.attachment("naïve.pdf", "application/pdf", new byte[] {0, 1, 2, (byte) 0xff});
        new PickupFolderTransport(pickup).transfer(
                messages.outgoing(TestMessages.content("Déjà vu", "x", List.of(attachment))), gate);
        String raw = Files.readString(onlyEml(), StandardCharsets.ISO_8859_1);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        // A header line, not any "bcc" in the text: a random boundary or Message-ID may hold those letters.
        assertFalse(headers.toLowerCase().matches("(?s)(.*\r\n)?bcc:.*"), "no Bcc header");
        // The Bcc address is in the envelope lines at the top (PickupEnvelopeTest), never in the message.
        String envelopeEnd = "X-Receiver: hidden@example.org\r\n";
        assertFalse(raw.substring(raw.indexOf(envelopeEnd) + envelopeEnd.length()).contains("hidden@example.org"));
        assertTrue(headers.contains("Subject: =?UTF-8?"), headers);
        assertTrue(raw.contains("filename*=UTF-8''na%C3%AFve.pdf"), "RFC 2231 file name");
        assertTrue(raw.contains("Content-Transfer-Encoding: base64"));
        assertTrue(headers.contains("MIME-Version: 1.0"));
        assertTrue(raw.chars().allMatch(c -> c < 0x80), "an ASCII-only message when no address needs UTF-8");
    }

    @Test
    void theFileIsNamedAfterTheMessageIdAndTheNameIsEncoded() throws Exception {
        OutgoingMessage outgoing = messages.outgoing(TestMessages.content("Hi", "x", List.of()));
        new PickupFolderTransport(pickup).transfer(outgoing, gate);
        Path eml = onlyEml();
        assertEquals(outgoing.messageId().replaceAll("[<>]", "") + ".eml", eml.getFileName().toString());
        String raw = Files.readString(eml, StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("From: =?UTF-8?Q?=C3=89mile_Envoi?= <emile@example.org>\r\n"), raw);
        assertTrue(raw.contains("To: \"Doe, Jane\" <jane@example.org>\r\n"), raw);
        String date = raw.lines().filter(line -> line.startsWith("Date: ")).findFirst().orElseThrow();
        assertTrue(date.matches("Date: [A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} 2026 \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}( \\(.*\\))?"),
                "RFC 5322 date-time: " + date);
    }

    @Test
    void aSubjectWithAWordTooLongToFoldStaysWithinTheLineLimit() throws Exception {
        String subject = "See https://example.org/" + "a1b2c3".repeat(40) + " and 予定" + "z".repeat(990 - 280);
        new PickupFolderTransport(pickup).transfer(messages.outgoing(TestMessages.content(subject, "x", List.of())), gate);
        String raw = Files.readString(onlyEml(), StandardCharsets.ISO_8859_1);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertTrue(headers.lines().allMatch(line -> line.length() <= 78), headers);
        assertEquals(subject, parse(onlyEml()).getSubject());
        assertTrue(LongWordSubject.needsEncoding(subject));
        assertFalse(LongWordSubject.needsEncoding("An ordinary subject, with words of ordinary length"));
    }

    @Test
    void aPlainMessageIsASinglePartUtf8Text() throws Exception {
        new PickupFolderTransport(pickup).transfer(messages.outgoing(TestMessages.content("Hi", "Salut ça va ?", List.of())), gate);
        MimeMessage parsed = parse(onlyEml());
        assertTrue(parsed.isMimeType("text/plain"));
        assertEquals("Salut ça va ?", parsed.getContent());
    }

    @Test
    void aCancelBeforeTheHandOffLeavesNoFileAtAll() throws Exception {
        Attachment big = messages.attachment("big.bin", "application/octet-stream", new byte[3_000_000]);
        gate.cancelled.set(true);
        assertThrows(TransferCancelledException.class, () -> new PickupFolderTransport(pickup).transfer(
                messages.outgoing(TestMessages.content("x", "y", List.of(big))), gate));
        assertEquals(0, countFiles());
        assertFalse(gate.handedOff.get());
    }

    @Test
    void aRefusedHandOffLeavesNoFile() throws Exception {
        gate.refuseHandOff = true;
        assertThrows(TransferCancelledException.class, () -> new PickupFolderTransport(pickup).transfer(
                messages.outgoing(TestMessages.content("x", "y", List.of())), gate));
        assertEquals(0, countFiles());
    }

    @Test
    void anUnreadableAttachmentIsATransientFailureAndLeavesNoFile() throws Exception {
        Attachment ghost = new TestMessages().attachment("ghost.txt", "text/plain", new byte[] {1});
        TransientFailureException e = assertThrows(TransientFailureException.class, () ->
                new PickupFolderTransport(pickup).transfer(messages.outgoing(TestMessages.content("x", "y", List.of(ghost))), gate));
        assertTrue(e.getMessage().contains("ghost.txt"), e.getMessage());
        assertEquals(0, countFiles());
        assertFalse(gate.handedOff.get());
    }

    @Test
    void aResentMessageNeverOverwritesTheFirstCopy() throws Exception {
        OutgoingMessage outgoing = messages.outgoing(TestMessages.content("twice", "y", List.of()));
        PickupFolderTransport transport = new PickupFolderTransport(pickup);
        transport.transfer(outgoing, gate);
        transport.transfer(outgoing, gate);
        try (Stream<Path> files = Files.list(pickup)) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".eml")).count());
        }
    }

    @Test
    void hostileMessageIdsCannotLeaveTheFolder() {
        assertEquals("__.._etc_passwd", PickupFileNames.stem("<../../etc/passwd>"), "no slash, no leading dot");
        assertFalse(PickupFileNames.stem("<a/b\\c\0d>").matches(".*[/\\\\\0].*"));
        assertEquals(120, PickupFileNames.stem("<" + "x".repeat(500) + ">").length());
    }

    private Path onlyEml() throws Exception {
        try (Stream<Path> files = Files.list(pickup)) {
            List<Path> emls = files.filter(p -> p.toString().endsWith(".eml")).toList();
            assertEquals(1, emls.size());
            return emls.get(0);
        }
    }

    private long countFiles() throws Exception {
        try (Stream<Path> files = Files.walk(pickup)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static MimeMessage parse(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    static Address[] none() {
        return new Address[0];
    }
}
