package dev.envoi.reliability;

import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.testing.RandomText;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Everything one crash trial does, drawn from its seed alone, so that the child process (which
 * plays the user and runs the spooler) and the test (which kills it and checks the outcome) agree
 * on it without talking: the kill point, the server's trouble, and each message's versions.
 *
 * <p>Message {@code i} is saved as versions 0..{@code lastSaved}, then submitted as version
 * {@code lastSaved + 1} (save and submit in one transaction, as the window does). Its attachment,
 * if any, joins at version {@code lastSaved}.
 */
record TrialPlan(long seed, KillPoint killPoint, int killDelayMillis, int target, SmtpTrouble trouble,
                 int slowReadMillis, boolean crashDuringRestart, int restartKillMillis, List<Message> messages) {

    static final MailAddress SENDER = new MailAddress("Crash Tester", "tester@example.org");
    private static final String BODY_ALPHABET = "abcdefghij klmnop QRSTUV 0123 .,;:!?'\"-\néèüßœ日本語✉€ \n";

    record Message(int index, String token, int lastSaved, int attachmentBytes, Duration undo, int cancelAfterMillis,
                   List<Recipient> recipients) {

        boolean hasAttachment() {
            return attachmentBytes > 0;
        }

        boolean cancels() {
            return cancelAfterMillis >= 0;
        }

        int submittedVersion() {
            return lastSaved + 1;
        }

        String attachmentName() {
            return "pièce " + index + ".bin";
        }
    }

    static TrialPlan from(long seed) {
        return from(seed, null);
    }

    /** The plan of this seed, killed at {@code forced} when given (a campaign aimed at one point). */
    static TrialPlan from(long seed, KillPoint forced) {
        Random random = new Random(seed);
        KillPoint drawnPoint = KillPoint.values()[random.nextInt(KillPoint.values().length)];
        KillPoint point = forced == null ? drawnPoint : forced;
        int count = point == KillPoint.CLI_SEND ? 1 : 1 + random.nextInt(3);
        int target = random.nextInt(count);
        SmtpTrouble trouble = SmtpTrouble.NONE;
        if (random.nextInt(10) < 3) {
            SmtpTrouble drawn = SmtpTrouble.values()[1 + random.nextInt(SmtpTrouble.values().length - 1)];
            trouble = drawn.letsReach(point) ? drawn : SmtpTrouble.NONE;
        }
        int slowRead = point == KillPoint.TRANSFER ? 6 : random.nextInt(4) == 0 ? 2 : 0;
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message(seed, i, point, i == target, random));
        }
        int delay = point.maxDelayMillis == 0 ? 0 : random.nextInt(point.maxDelayMillis + 1);
        boolean secondCrash = random.nextInt(5) == 0;
        return new TrialPlan(seed, point, delay, target, trouble, slowRead, secondCrash, 100 + random.nextInt(1500),
                List.copyOf(messages));
    }

    private static Message message(long seed, int i, KillPoint point, boolean isTarget, Random random) {
        String token = "crash-" + Long.toUnsignedString(seed, 36) + "-" + i;
        int lastSaved = point == KillPoint.SAVE && isTarget ? 8 + random.nextInt(20) : random.nextInt(3);
        boolean big = isTarget && (point == KillPoint.ATTACH || point == KillPoint.TRANSFER);
        int bytes = big ? 200_000 + random.nextInt(400_000)
                : random.nextInt(10) < 3 ? 1 + random.nextInt(64 * 1024) : 0;
        Duration undo = point == KillPoint.UNDO && isTarget ? Duration.ofMillis(1500)
                : Duration.ofMillis(new int[] {0, 0, 200, 700}[random.nextInt(4)]);
        boolean mayCancel = !undo.isZero() && !(isTarget && point.inSpooler()) && point != KillPoint.CLI_SEND;
        int cancelAfter = mayCancel && random.nextInt(4) == 0 ? random.nextInt((int) undo.toMillis() / 2 + 1) : -1;
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(new Recipient(RecipientType.TO, new MailAddress("Jane Doe", "jane@example.org")));
        if (random.nextBoolean()) {
            recipients.add(new Recipient(RecipientType.CC, MailAddress.of("bob@example.org")));
        }
        if (random.nextInt(4) == 0) {
            recipients.add(new Recipient(RecipientType.BCC, MailAddress.of("hidden@example.org")));
        }
        return new Message(i, token, lastSaved, bytes, undo, cancelAfter, List.copyOf(recipients));
    }

    /** The body of a version: the same for every run of this seed. */
    String body(Message message, int version) {
        RandomText text = new RandomText(seed * 31 + message.index() * 1009L + version);
        return message.token() + " version " + version + "\n" + text.from(BODY_ALPHABET, 0, 3000);
    }

    boolean hasAttachmentAt(Message message, int version) {
        return message.hasAttachment() && version >= message.lastSaved();
    }

    /** The attachment's bytes: the same for every run of this seed. */
    byte[] attachmentBytes(Message message) {
        byte[] bytes = new byte[message.attachmentBytes()];
        new Random(seed ^ (message.index() + 1) * 0x9E3779B97F4A7C15L).nextBytes(bytes);
        return bytes;
    }

    String attachmentSha256(Message message) {
        return sha256(attachmentBytes(message));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed of the trial after this one, so that a campaign replays from any of its trials. */
    static long next(long seed) {
        return new Random(seed).nextLong();
    }

    @Override
    public String toString() {
        return "seed " + seed + ": kill " + killPoint + " +" + killDelayMillis + " ms at message " + target + " of "
                + messages.size() + ", server " + trouble + (crashDuringRestart ? ", killed again during the restart" : "");
    }
}
