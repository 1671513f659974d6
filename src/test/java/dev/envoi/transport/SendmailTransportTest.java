package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sendmail transport against a small fake sendmail script that records what it was given. */
@Timeout(30)
class SendmailTransportTest {

    @TempDir
    Path dir;
    private final TestMessages messages = new TestMessages();
    private final RecordingGate gate = new RecordingGate();

    @BeforeEach
    void needsUnix() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "sendmail is a Unix interface; no /bin/sh here");
    }

    private Path fakeSendmail(String body) throws Exception {
        Path script = dir.resolve("sendmail");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private SendmailTransport transport(Path program) {
        return new SendmailTransport(program, Duration.ofSeconds(5));
    }

    @Test
    void theMessageGoesToStdinWithTheEnvelopeAsArguments() throws Exception {
        Path out = dir.resolve("message.eml");
        Path args = dir.resolve("args.txt");
        Path program = fakeSendmail("printf '%s\\n' \"$@\" > '" + args + "'\ncat > '" + out + "'");
        HandOffReceipt receipt = transport(program).transfer(
                messages.outgoing(TestMessages.content("Réunion", "Bonjour", List.of())), gate);
        assertTrue(receipt.reply().contains("Accepted by"), receipt.reply());
        assertTrue(gate.handedOff.get());
        assertEquals(List.of("-i", "-f", "emile@example.org", "--", "jane@example.org", "cc@example.org",
                "hidden@example.org"), Files.readAllLines(args));
        MimeMessage eml = PickupFolderTransportTest.parse(out);
        assertEquals("Réunion", eml.getSubject());
        assertFalse(Files.readString(out).contains("hidden@example.org"), "Bcc only in the envelope");
    }

    @Test
    void aFailureShowsTheProgramsErrorOutputAndIsPermanent() throws Exception {
        Path program = fakeSendmail("cat > /dev/null\necho 'jane@example.org... User unknown' >&2\nexit 67");
        PermanentFailureException e = assertThrows(PermanentFailureException.class, () -> transport(program)
                .transfer(messages.outgoing(TestMessages.content("x", "y", List.of())), gate));
        assertTrue(e.getMessage().contains("exit status 67"), e.getMessage());
        assertTrue(e.getMessage().contains("User unknown"), e.getMessage());
    }

    @Test
    void aTemporaryFailureIsRetried() throws Exception {
        Path program = fakeSendmail("cat > /dev/null\necho 'queue full' >&2\nexit 75");
        TransientFailureException e = assertThrows(TransientFailureException.class, () -> transport(program)
                .transfer(messages.outgoing(TestMessages.content("x", "y", List.of())), gate));
        assertTrue(e.getMessage().contains("queue full"), e.getMessage());
    }

    @Test
    void aCancelBeforeTheHandOffKillsTheProgramBeforeItHasTheWholeMessage() throws Exception {
        Path out = dir.resolve("message.eml");
        // exec: the shell becomes the reader, as a real sendmail is, so killing it stops the reading.
        Path program = fakeSendmail("exec sh -c 'cat > \"" + out + "\"; touch \"" + dir.resolve("finished") + "\"'");
        gate.refuseHandOff = true;
        assertThrows(TransferCancelledException.class, () -> transport(program)
                .transfer(messages.outgoing(TestMessages.content("x", "y", List.of())), gate));
        Thread.sleep(300);
        assertFalse(Files.exists(dir.resolve("finished")), "sendmail never saw the end of its input");
    }

    @Test
    void aMissingProgramIsAClearPermanentError() {
        PermanentFailureException e = assertThrows(PermanentFailureException.class, () ->
                transport(dir.resolve("no-such-sendmail")).transfer(
                        messages.outgoing(TestMessages.content("x", "y", List.of())), gate));
        assertTrue(e.getMessage().contains("not an executable sendmail program"), e.getMessage());
    }

    @Test
    void aProgramThatHangsAfterTheHandOffMakesDeliveryUncertain() throws Exception {
        Path program = fakeSendmail("cat > /dev/null\nsleep 30");
        UncertainDeliveryException e = assertThrows(UncertainDeliveryException.class, () ->
                new SendmailTransport(program, Duration.ofMillis(500)).transfer(
                        messages.outgoing(TestMessages.content("x", "y", List.of())), gate));
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
    }
}
