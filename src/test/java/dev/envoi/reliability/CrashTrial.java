package dev.envoi.reliability;

import dev.envoi.account.Account;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.OutboxState;
import dev.envoi.message.Recipient;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.FaultSmtpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * One crash trial: a fresh profile with an SMTP account on a loopback server, an Envoi process
 * killed with SIGKILL where the plan says, Envoi started again on the same profile
 * ({@code envoi outbox --flush --wait}, itself sometimes killed once more) until it is done, and
 * the audit of what the user was told against what the store and the server hold.
 */
final class CrashTrial {

    static final String PASSWORD = "crash-pw";
    static final Map<String, String> ENVIRONMENT = Map.of("ENVOI_KEYRING", "off",
            "ENVOI_SMTP_TIMEOUTS", "connect=3,command=2,write=3,end=2", "ENVOI_SMTP_PASSWORD", PASSWORD);

    /** What happens once an Envoi process has stopped (killed or not): nothing, or a power cut. */
    interface Outage {
        Outage NONE = result -> { };

        void afterStop(TrialResult result) throws Exception;
    }

    private final TrialPlan plan;
    private final Path folder;
    private final Path profile;
    private final Outage outage;
    private final boolean pickup;

    CrashTrial(TrialPlan plan, Path folder) {
        this(plan, folder, folder, Outage.NONE, false);
    }

    /**
     * A trial whose profile lives in {@code profileRoot} (inputs stay in {@code folder}), with the
     * outage after each stop; with {@code pickup} the profile has no account and sends to its pickup folder.
     */
    CrashTrial(TrialPlan plan, Path folder, Path profileRoot, Outage outage, boolean pickup) {
        this.plan = plan;
        this.folder = folder;
        // Half the profiles live on a path with spaces and non-ASCII characters.
        this.profile = profileRoot.resolve((plan.seed() & 1) == 0 ? "profile" : "profil d'essai é 日本");
        this.outage = outage;
        this.pickup = pickup;
    }

    TrialResult run() throws Exception {
        TrialResult result = new TrialResult();
        result.trials = 1;
        GreenMail imap = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        imap.start();
        try (FaultSmtpServer server = new FaultSmtpServer()) {
            imap.setUser(TrialPlan.SENDER.address(), TrialPlan.SENDER.address(), PASSWORD);
            server.requireLogin(TrialPlan.SENDER.address(), PASSWORD);
            addAccount(server.port(), imap.getImap().getPort());
            plan.trouble().applyTo(server);
            server.slowReader(plan.slowReadMillis());
            ChildLog log = crash(result);
            outage.afterStop(result);
            server.clearFaults();
            restart(result);
            TrialAudit.audit(plan, log, pickup ? pickupFiles() : server.kept(), profile, result);
            if (!pickup) {
                // A pickup folder has no server, so no Sent folder to file a copy in.
                SentFolderAudit.audit(plan, sentFolderSubjects(imap), profile, result);
            }
        } finally {
            imap.stop();
        }
        return result;
    }

    /** The account logs in (to both servers, with one password) so that its copies can go to the IMAP server. */
    private void addAccount(int smtpPort, int imapPort) {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            if (pickup) {
                return; // no account: the pickup folder
            }
            store.accounts().put(new Account("loopback", TrialPlan.SENDER, "127.0.0.1", smtpPort, SmtpSecurity.NONE,
                    TrialPlan.SENDER.address(), AuthMethod.PASSWORD, 0, true, false, false, "", true));
            store.imapSettings().put("loopback",
                    new ImapSettings(new ImapServer("127.0.0.1", imapPort, SmtpSecurity.NONE), true, ""));
        }
    }

    /** The subjects in the server's Sent folder, one per copy. */
    private static List<String> sentFolderSubjects(GreenMail imap) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.timeout", "10000");
        try (Store reader = Session.getInstance(properties).getStore("imap")) {
            reader.connect("127.0.0.1", imap.getImap().getPort(), TrialPlan.SENDER.address(), PASSWORD);
            jakarta.mail.Folder sent = reader.getFolder("Sent");
            if (!sent.exists()) {
                return List.of();
            }
            sent.open(jakarta.mail.Folder.READ_ONLY);
            try {
                List<String> subjects = new ArrayList<>();
                for (jakarta.mail.Message message : sent.getMessages()) {
                    subjects.add(message.getSubject());
                }
                return subjects;
            } finally {
                sent.close(false);
            }
        }
    }

    private ChildLog crash(TrialResult result) throws Exception {
        if (plan.killPoint() == KillPoint.CLI_SEND) {
            ChildJvm send = ChildJvm.start("dev.envoi.app.Launcher", sendArguments(), ENVIRONMENT);
            if (killAfterMillis(send, plan.killDelayMillis())) {
                result.kills++;
            }
            send.await(30_000);
            return ChildLog.ofSendCommand(send.out());
        }
        ChildJvm child = ChildJvm.start(CrashChild.class, List.of(profile.toString(), Long.toString(plan.seed()),
                plan.killPoint().name()), ENVIRONMENT);
        boolean killed = child.killAfter(this::isKillPoint, plan.killDelayMillis(), 20_000);
        if (killed) {
            result.kills++;
        }
        int code = child.await(30_000);
        if (!killed && code != 0) {
            result.violation("the Envoi process failed by itself (exit " + code + "): " + child.err());
        }
        return ChildLog.ofCrashChild(child.out());
    }

    private boolean isKillPoint(String line) {
        String[] words = line.split(" ");
        return words.length >= 3 && words[0].equals("EV") && words[1].equals(plan.killPoint().event)
                && (plan.killPoint() == KillPoint.ANYWHERE || Integer.parseInt(words[2]) == plan.target());
    }

    private List<String> sendArguments() throws IOException {
        TrialPlan.Message message = plan.messages().get(0);
        List<String> args = new ArrayList<>(List.of("send", "--subject", message.token()));
        if (pickup) {
            // No account to take the sender from: without this the message is from the local user.
            args.addAll(List.of("--from", TrialPlan.SENDER.toDisplayString()));
        }
        for (Recipient r : message.recipients()) {
            args.add("--" + r.type().name().toLowerCase(java.util.Locale.ROOT));
            args.add(r.address().toDisplayString());
        }
        Path body = Files.writeString(folder.resolve("body.txt"), plan.body(message, message.submittedVersion()));
        args.addAll(List.of("--body-file", body.toString()));
        if (message.hasAttachment()) {
            Path file = Files.write(folder.resolve(message.attachmentName()), plan.attachmentBytes(message));
            args.addAll(List.of("--attach", file.toString()));
        }
        args.addAll(List.of("--undo-seconds", Long.toString(message.undo().toSeconds()), "--wait=20",
                "--profile", profile.toString()));
        return args;
    }

    /** Envoi started again on the profile until it has sent what it can; maybe killed once more on the way. */
    private void restart(TrialResult result) throws Exception {
        if (plan.crashDuringRestart()) {
            ChildJvm first = flush();
            if (killAfterMillis(first, plan.restartKillMillis())) {
                result.kills++;
            }
            first.await(30_000);
            outage.afterStop(result);
        }
        ChildJvm again = flush();
        int code = again.await(60_000);
        // 3, 4 and 7 tell of a refusal, a retry to come or an uncertain message, as send --wait
        // does; the audit checks those fates. Any other code is the restart failing by itself.
        if (code != 0 && code != 3 && code != 4 && code != 7) {
            result.violation("the restart (outbox --flush --wait) exited " + code + ": " + again.err());
        }
        // A retry due within moments (the server's trouble is over): let it come due, then once more.
        Optional<Instant> retry = soonestRetry();
        if (retry.isPresent()) {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), retry.get()).toMillis()) + 100);
            flush().await(60_000);
        }
        outage.afterStop(result);
    }

    /** The messages in the pickup folder (its hidden temporary folder left out), as the server's are. */
    private List<byte[]> pickupFiles() throws IOException {
        Path pickup = profile.resolve("pickup");
        if (!Files.isDirectory(pickup)) {
            return List.of();
        }
        List<byte[]> files = new ArrayList<>();
        try (var list = Files.list(pickup)) {
            for (Path file : list.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList()) {
                files.add(Files.readAllBytes(file));
            }
        }
        return files;
    }

    private Optional<Instant> soonestRetry() {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            return store.outbox().stream().filter(e -> e.state() == OutboxState.RETRYING).map(OutboxEntry::dueAt)
                    .filter(due -> due.isBefore(Instant.now().plusSeconds(5))).min(Instant::compareTo);
        }
    }

    private ChildJvm flush() throws IOException {
        return ChildJvm.start("dev.envoi.app.Launcher", List.of("outbox", "--flush", "--wait=30", "--profile",
                profile.toString()), ENVIRONMENT);
    }

    private static boolean killAfterMillis(ChildJvm child, long millis) throws InterruptedException {
        Thread.sleep(millis);
        return child.kill();
    }
}
