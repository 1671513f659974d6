package dev.envoi.bench;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.QueueSubscription;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.AttachmentSource;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of benchmark 3 (started with -Xmx64m): sends one large attachment one way and
 * prints, per stage, "STAGE name millis peakRssMiB peakHeapMiB". Peak RSS is reset between stages
 * through /proc/self/clear_refs, so each stage reports its own peak.
 *
 * <p>Modes: {@code envoi PROFILE FILE HOST PORT} (vault copy, submit, transfer through the spooler
 * and SmtpTransport), {@code jakarta FILE HOST PORT} (Transport.send with attachFile) and
 * {@code floor FILE HOST PORT} (base64 of the file written raw to the same server).
 */
public final class LargeSendRun {

    private LargeSendRun() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "envoi" -> envoi(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]),
                    args.length > 5 && args[5].equals("diagnose"));
            case "jakarta" -> jakarta(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
            case "floor" -> floor(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void envoi(Path profile, Path file, String host, int port, boolean diagnose) throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            Attachment[] attachment = new Attachment[1];
            stage("vault copy", () -> attachment[0] = store.importAttachment(file));
            stage("submit", () -> store.submit(new Draft(SmtpPeers.tenKilobytes(0).withAttachments(
                    List.of(attachment[0]))), SubmitOptions.undo(Duration.ZERO)));
            stage("transfer", () -> transfer(store, host, port, store::readAttachment, 1));
            if (diagnose) {
                // The same transfer once more, reading the vault file without re-hashing it, to show
                // what the integrity check costs. Relies on the vault's layout: vault/ab/abcd...
                store.submit(new Draft(SmtpPeers.tenKilobytes(1).withAttachments(List.of(attachment[0]))),
                        SubmitOptions.undo(Duration.ZERO));
                String sha = attachment[0].sha256();
                Path stored = profile.resolve("vault").resolve(sha.substring(0, 2)).resolve(sha);
                stage("transfer without the re-hash (diagnostic)",
                        () -> transfer(store, host, port, a -> Files.newInputStream(stored), 2));
            }
        }
    }

    private static void transfer(SqliteMessageStore store, String host, int port, AttachmentSource source, int sent)
            throws Exception {
        // Woken by the store's queue events rather than polling: a poll every 20 ms cost the
        // transfer a tenth of a core (a query each time) on this 2-core machine.
        Semaphore changed = new Semaphore(0);
        try (QueueSubscription subscription = store.subscribe(event -> changed.release());
             Spooler spooler = new Spooler(store, SmtpPeers.envoi(host, port), source, RetryPolicy.standard(),
                     Clock.systemUTC(), TransferProgress.NONE)) {
            spooler.start();
            while (!store.outbox().isEmpty()) {
                changed.tryAcquire(1, TimeUnit.SECONDS);
                changed.drainPermits();
            }
        }
        if (store.sent().size() != sent) {
            throw new IllegalStateException("not sent: " + store.outbox());
        }
    }

    private static void jakarta(Path file, String host, int port) throws Exception {
        Session session = SmtpPeers.stockSession(host, port);
        stage("transfer", () -> {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(SmtpPeers.FROM.address()));
            message.setRecipients(Message.RecipientType.TO, SmtpPeers.TO);
            message.setSubject("Large");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Here it is.");
            MimeBodyPart attached = new MimeBodyPart();
            attached.attachFile(file.toFile());
            message.setContent(new MimeMultipart(text, attached));
            Transport.send(message);
        });
    }

    /** The physical floor: the file's base64, in 76-character lines, copied to the server raw. */
    private static void floor(Path file, String host, int port) throws Exception {
        stage("transfer", () -> {
            try (Socket socket = new Socket(host, port);
                 BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                         StandardCharsets.US_ASCII));
                 OutputStream out = socket.getOutputStream()) {
                socket.setTcpNoDelay(true);
                in.readLine();
                out.write(("EHLO floor\r\nMAIL FROM:<" + SmtpPeers.FROM.address() + ">\r\nRCPT TO:<" + SmtpPeers.TO
                        + ">\r\nDATA\r\n").getBytes(StandardCharsets.US_ASCII));
                String line;
                do {
                    line = in.readLine();
                } while (!line.startsWith("354"));
                out.write("Subject: floor\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                Base64.Encoder encoder = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});
                try (InputStream source = Files.newInputStream(file)) {
                    byte[] buffer = new byte[57 * 1024];
                    int n;
                    while ((n = source.readNBytes(buffer, 0, buffer.length)) > 0) {
                        out.write(encoder.encode(n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n)));
                        out.write('\r');
                        out.write('\n');
                    }
                }
                out.write(".\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                if (!in.readLine().startsWith("250")) {
                    throw new IOException("the server did not take the floor's data");
                }
            }
        });
    }

    interface Work {
        void run() throws Exception;
    }

    private static void stage(String name, Work work) throws Exception {
        resetPeaks();
        long start = System.nanoTime();
        work.run();
        long elapsed = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "STAGE %s|%.3f|%.1f|%.1f%n", name, elapsed / 1e6, peakRssMiB(), peakHeapMiB());
    }

    private static void resetPeaks() throws IOException {
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double peakRssMiB() throws IOException {
        Optional<String> line = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).findFirst();
        return line.map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0).orElse(Double.NaN);
    }

    private static double peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
    }
}
