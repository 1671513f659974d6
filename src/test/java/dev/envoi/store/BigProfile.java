package dev.envoi.store;

import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import dev.envoi.message.Recipient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes a year-old profile (issue 21, bar 2): many messages in Sent with realistic sizes, one in
 * ten with an attachment in the vault, known addresses, drafts and a clogged outbox. The schema is
 * the real store's (the store opens the profile first and migrates it); the rows then go in
 * through one connection, thousands per transaction and without syncs, so 100,000 messages take
 * seconds, not the hours 100,000 durable submits would. Queued messages are due at once.
 *
 * <p>By hand: {@code java -cp target/test-classes:target/classes:<dependencies> dev.envoi.store.BigProfile DIR
 * [sent addresses drafts queued]}.
 */
public final class BigProfile {

    /** How much the profile holds. */
    public record Size(int sent, int addresses, int drafts, int queued, int attachmentEvery) {
        /** The issue's profile: 100,000 sent, 50,000 addresses, 2,000 drafts, 10,000 queued. */
        public static final Size YEAR = new Size(100_000, 50_000, 2_000, 10_000, 10);
        public static final Size EMPTY = new Size(0, 0, 0, 0, 10);
    }

    private static final int BATCH = 5_000;
    private static final long YEAR_MILLIS = Duration.ofDays(365).toMillis();
    private static final String[] WORDS = ("meeting report invoice holiday question draft budget notes plan review "
            + "photos contract update reminder lunch project minutes schedule offer agenda").split(" ");
    private static final String[] NAMES = ("Anne Bruno Chloé Denis Élise Farid Gaëlle Hugo Inès Jules Karim Léa Marc "
            + "Nadia Olivier Paula Quentin Rose Samir Thérèse Ugo Valérie Wen Yann Zoé").split(" ");
    private static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");

    private final SplittableRandom random;
    private final Path vault;
    private final long now;
    private final List<MailAddress> addresses = new ArrayList<>();

    private BigProfile(Path profile, long seed, long now) {
        this.random = new SplittableRandom(seed);
        this.vault = profile.resolve(SqliteMessageStore.VAULT_FOLDER);
        this.now = now;
    }

    /** Fills the profile (made if missing) and closes it; the store can open it afterwards. */
    public static void generate(Path profile, Size size, long seed) throws IOException, SQLException {
        SqliteMessageStore.open(profile).close();
        BigProfile generator = new BigProfile(profile, seed, System.currentTimeMillis());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMessageStore.DATABASE_FILE))) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous = OFF");
            }
            c.setAutoCommit(false);
            generator.addresses(c, Math.max(size.addresses(), 1));
            generator.messages(c, Folder.SENT, size.sent(), size.attachmentEvery());
            generator.messages(c, Folder.DRAFTS, size.drafts(), size.attachmentEvery());
            generator.messages(c, Folder.OUTBOX, size.queued(), 0);
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 && args.length != 5) {
            System.err.println("usage: BigProfile DIR [sent addresses drafts queued]");
            System.exit(2);
        }
        Size size = args.length == 1 ? Size.YEAR : new Size(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), 10);
        long start = System.nanoTime();
        generate(Path.of(args[0]), size, 21);
        System.out.printf("%s in %d ms%n", size, (System.nanoTime() - start) / 1_000_000);
    }

    private void addresses(Connection c, int count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR IGNORE INTO address_book (address, display_name, use_count, last_used) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String first = NAMES[random.nextInt(NAMES.length)];
                String last = NAMES[random.nextInt(NAMES.length)] + "son";
                MailAddress address = new MailAddress(first + " " + last,
                        ascii(first) + "." + ascii(last) + i + "@mail" + (i % 97) + ".example");
                addresses.add(address);
                s.setString(1, address.address());
                s.setString(2, address.displayName());
                // Few addresses are used often, most once or twice: a long tail, as in a real book.
                s.setInt(3, 1 + (int) (1000 / (1 + random.nextInt(1000)) * random.nextDouble()));
                s.setLong(4, now - random.nextLong(YEAR_MILLIS));
                s.addBatch();
                if (i % BATCH == BATCH - 1) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private void messages(Connection c, Folder folder, int count, int attachmentEvery)
            throws SQLException, IOException {
        try (Rows rows = new Rows(c)) {
            for (int i = 0; i < count; i++) {
                // Spread over the year, newest last, so ids and times grow together as in real use.
                long at = now - YEAR_MILLIS + (long) i * (YEAR_MILLIS / Math.max(count, 1));
                List<Attachment> attachments = attachmentEvery > 0 && i % attachmentEvery == attachmentEvery - 1
                        ? List.of(attachment(i)) : List.of();
                rows.add(folder, content(i, attachments), at);
                if (i % BATCH == BATCH - 1) {
                    rows.flush();
                    c.commit();
                }
            }
            rows.flush();
        }
    }

    private DraftContent content(int number, List<Attachment> attachments) {
        int recipients = 1 + (random.nextInt(10) == 0 ? random.nextInt(6) : 0);
        List<Recipient> to = new ArrayList<>();
        for (int r = 0; r < recipients; r++) {
            to.add(new Recipient(r == 0 ? dev.envoi.message.RecipientType.TO : dev.envoi.message.RecipientType.CC,
                    addresses.get(random.nextInt(addresses.size()))));
        }
        String subject = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " #" + number;
        // Bodies from a few lines to a few pages: most mail is short, some is long.
        int length = 200 + (int) (Math.pow(random.nextDouble(), 3) * 12_000);
        StringBuilder body = new StringBuilder(length + 80);
        while (body.length() < length) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(body.length() % 70 < 8 ? "\n" : " ");
        }
        return new DraftContent(ME, to, subject, body.toString(), attachments);
    }

    private Attachment attachment(int number) throws IOException {
        byte[] bytes = new byte[2048 + random.nextInt(30 * 1024)];
        random.nextBytes(bytes);
        MessageDigest digest = Sha256.newDigest();
        digest.update(bytes);
        String sha256 = Sha256.hex(digest);
        Path file = vault.resolve(sha256.substring(0, 2)).resolve(sha256);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return new Attachment("scan-" + number + ".pdf", "application/pdf", bytes.length, sha256);
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** Batched inserts of messages with their parts; ids are given here so the parts need no look-up. */
    private final class Rows implements AutoCloseable {
        private final PreparedStatement message;
        private final PreparedStatement recipient;
        private final PreparedStatement attachment;
        private final PreparedStatement history;
        private long nextId;

        Rows(Connection c) throws SQLException {
            message = c.prepareStatement("""
                    INSERT INTO message (id, entry_id, folder, flags, from_name, from_address, subject, body, content_hash,
                      size, created_at, modified_at, message_id, submitted_at, due_at, state, sent_at, server_reply)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            recipient = c.prepareStatement(
                    "INSERT INTO recipient (message, position, type, display_name, address) VALUES (?, ?, ?, ?, ?)");
            attachment = c.prepareStatement("""
                    INSERT INTO attachment (message, position, file_name, media_type, size, sha256)
                    VALUES (?, ?, ?, ?, ?, ?)""");
            history = c.prepareStatement("INSERT INTO entry_history (entry_id, message) VALUES (?, ?)");
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM message")) {
                rs.next();
                nextId = rs.getLong(1) + 1;
            }
        }

        void add(Folder folder, DraftContent content, long at) throws SQLException {
            long id = nextId++;
            EntryId entryId = EntryId.random();
            boolean sent = folder == Folder.SENT;
            boolean queued = folder == Folder.OUTBOX;
            MessageFlags flags = MessageFlags.of(MessageFlag.FROMME);
            flags = sent ? flags : flags.with(MessageFlag.UNSENT);
            flags = queued ? flags.with(MessageFlag.SUBMIT) : flags;
            flags = content.attachments().isEmpty() ? flags : flags.with(MessageFlag.HASATTACH);
            String messageId = folder == Folder.DRAFTS ? null : "<" + UUID.randomUUID() + "@example.org>";
            Object[] values = {id, entryId.value(), folder.name(), flags.toBits(), ME.displayName(), ME.address(),
                content.subject(), content.body(), ContentDigest.of(content), MessageTable.estimatedSize(content),
                at - 60_000, at, messageId, folder == Folder.DRAFTS ? null : at - 1_000, queued ? at : null,
                queued ? "QUEUED" : null, sent ? at : null, sent ? "250 2.0.0 Ok: queued as " + id : null};
            for (int i = 0; i < values.length; i++) {
                message.setObject(i + 1, values[i]);
            }
            message.addBatch();
            int position = 0;
            for (Recipient r : content.recipients()) {
                batch(recipient, id, position++, r.type().name(), r.address().displayName(), r.address().address());
            }
            position = 0;
            for (Attachment a : content.attachments()) {
                batch(attachment, id, position++, a.fileName(), a.mediaType(), a.size(), a.sha256());
            }
            // A sent message had three ids on its way (draft, outbox, sent); each stays resolvable.
            int ids = sent ? 3 : queued ? 2 : 1;
            batch(history, entryId.value(), id);
            for (int i = 1; i < ids; i++) {
                batch(history, EntryId.random().value(), id);
            }
        }

        void flush() throws SQLException {
            message.executeBatch();
            recipient.executeBatch();
            attachment.executeBatch();
            history.executeBatch();
        }

        private static void batch(PreparedStatement s, Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.addBatch();
        }

        @Override
        public void close() throws SQLException {
            message.close();
            recipient.close();
            attachment.close();
            history.close();
        }
    }
}
