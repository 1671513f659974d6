package dev.envoi.transport;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.MailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hands messages to the local mail system through its sendmail program (Unix):
 * {@code sendmail -i -f FROM -- RECIPIENTS}, the message on standard input. The hand-off point is
 * just before standard input is closed: until then the program has an unfinished message, which
 * it drops when killed. Its successful exit means the mail system took the message; its error
 * output is shown when it fails.
 */
public final class SendmailTransport implements Transport {

    private static final Sentences WORDS = Sentences.of(SendmailTransport.class);

    /** sysexits.h: EX_TEMPFAIL, the one status that promises a later try may work. */
    private static final int EX_TEMPFAIL = 75;
    private static final int MAX_ERROR_TEXT = 2000;

    private final Path program;
    private final Duration timeout;
    private final MimeAssembler assembler = new MimeAssembler();

    public SendmailTransport(Path program, Duration timeout) {
        this.program = program;
        this.timeout = timeout;
    }

    /** The usual place, /usr/sbin/sendmail, with a ten-minute limit like SMTP's end of data. */
    public static SendmailTransport standard() {
        return new SendmailTransport(Path.of("/usr/sbin/sendmail"), Duration.ofMinutes(10));
    }

    @Override
    public HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) throws TransferException {
        MimeMessage mime = assembler.assembleForSending(message);
        if (!Files.isExecutable(program)) {
            throw new PermanentFailureException(WORDS.get("sendmail.notExecutable", program));
        }
        gate.checkNotCancelled();
        Process process = start(message);
        CompletableFuture<byte[]> errors = drain(process.getErrorStream());
        drain(process.getInputStream());
        OutputStream stdin = process.getOutputStream();
        try {
            GatedOutputStream gated = new GatedOutputStream(new LocalLineEndings(stdin), gate,
                    MimeAssembler.estimatedSize(message.content()));
            mime.writeTo(gated);
            gated.flush();
            gate.handOff();
        } catch (GatedOutputStream.CancelledIOException e) {
            kill(process);
            throw e.cancel();
        } catch (TransferCancelledException e) {
            kill(process);
            throw e;
        } catch (IOException | MessagingException e) {
            kill(process);
            throw new TransientFailureException(WORDS.get("sendmail.giveFailed", program, SmtpFailures.rootMessage(e),
                    errorText(errors)), e);
        }
        try {
            // End of input: sendmail -i takes only this as the end of the message. The commit.
            stdin.close();
        } catch (IOException e) {
            // It exited already; its status below says whether it took the message.
        }
        return verdict(process, errors);
    }

    /** Kills the program while its input is still open, so it never sees a complete message. */
    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The pipe is gone with the program.
        }
    }

    private Process start(OutgoingMessage message) throws TransientFailureException {
        List<String> command = new ArrayList<>(List.of(program.toString(), "-i", "-f",
                message.content().from().address(), "--"));
        for (MailAddress recipient : MimeAssembler.envelopeRecipients(message.content())) {
            command.add(recipient.address());
        }
        try {
            return ChildEnvironment.withoutSecrets(new ProcessBuilder(command)).start();
        } catch (IOException e) {
            throw new TransientFailureException(WORDS.get("sendmail.startFailed", program, e.getMessage()), e);
        }
    }

    private HandOffReceipt verdict(Process process, CompletableFuture<byte[]> errors) throws TransferException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new UncertainDeliveryException(WORDS.get("sendmail.timeout", program, timeout.toSeconds()), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncertainDeliveryException(WORDS.get("sendmail.interrupted", program), e);
        }
        int status = process.exitValue();
        if (status == 0) {
            return new HandOffReceipt(WORDS.get("receipt.sendmail", program));
        }
        String text = WORDS.get("sendmail.failed", program, status, errorText(errors));
        if (status == EX_TEMPFAIL) {
            throw new TransientFailureException(WORDS.get("outcome.retry", text));
        }
        throw new PermanentFailureException(WORDS.get("outcome.notSent", text));
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (kept.size() < MAX_ERROR_TEXT) {
                        kept.write(buffer, 0, Math.min(n, MAX_ERROR_TEXT - kept.size()));
                    }
                }
            } catch (IOException e) {
                // The program went away; what it said so far is kept.
            }
            return kept.toByteArray();
        });
    }

    private static String errorText(CompletableFuture<byte[]> errors) {
        try {
            String text = new String(errors.get(2, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : WORDS.get("sendmail.said", text.replaceAll("\\s*[\\r\\n]+\\s*", " / "));
        } catch (Exception e) {
            return "";
        }
    }
}
