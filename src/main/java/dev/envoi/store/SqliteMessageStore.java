package dev.envoi.store;

import dev.envoi.account.AccountRepository;
import dev.envoi.files.OwnerOnly;
import dev.envoi.account.OAuthSettingsRepository;
import dev.envoi.i18n.Sentences;
import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import dev.envoi.message.SignInWait;
import dev.envoi.message.Recipient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The profile's message store in one SQLite file, with attachments in a content-addressed vault
 * beside it. It is both the user's store ({@link MessageStore}) and the spooler's queue
 * ({@link OutgoingQueue}); every state change is one durable transaction.
 */
public final class SqliteMessageStore implements MessageStore, OutgoingQueue {

    public static final String DATABASE_FILE = "envoi.db";
    private static final Sentences WORDS = Sentences.of(SqliteMessageStore.class);
    public static final String VAULT_FOLDER = "vault";

    private final Database database;
    private final AttachmentVault vault;
    private final SqliteSettings settings;
    private final QueueEvents events;
    private final OpenHandles handles = new OpenHandles();
    private final OutboxQueries queries;
    private final SqliteAccountRepository accounts;
    private final SqliteImapSettings imapSettings;
    private final SqliteSentCopies sentCopies;
    private final SqliteOAuthSettings oauthSettings;
    private final Clock clock;

    private SqliteMessageStore(Database database, Path vaultDir, Clock clock) {
        this.database = database;
        this.settings = new SqliteSettings(database);
        this.vault = new AttachmentVault(vaultDir, settings::attachmentSizeLimit);
        this.events = new QueueEvents(database::dataVersion);
        this.queries = new OutboxQueries();
        this.accounts = new SqliteAccountRepository(database);
        this.imapSettings = new SqliteImapSettings(database);
        this.sentCopies = new SqliteSentCopies(database, settings, events, clock);
        this.oauthSettings = new SqliteOAuthSettings(database);
        this.clock = clock;
    }

    public static SqliteMessageStore open(Path profileDir) {
        return open(profileDir, Clock.systemUTC());
    }

    /** Opens (creating or migrating) the store in the profile folder. */
    public static SqliteMessageStore open(Path profileDir, Clock clock) {
        return open(profileDir, clock, false);
    }

    /**
     * Opens the store as {@link #open(Path)} does, but takes an empty database as a new profile
     * even when the vault beside it holds files (the user asked for a fresh profile; the vault's
     * files are left where they are).
     */
    public static SqliteMessageStore openFresh(Path profileDir) {
        return open(profileDir, Clock.systemUTC(), true);
    }

    private static SqliteMessageStore open(Path profileDir, Clock clock, boolean freshAllowed) {
        Path file = profileDir.resolve(DATABASE_FILE);
        if (Files.exists(profileDir) && !Files.isDirectory(profileDir)) {
            throw new StoreOpenException(WORDS.get("profile.isFile", profileDir));
        }
        try {
            OwnerOnly.createDirectories(profileDir);
        } catch (IOException e) {
            throw new StoreOpenException(WORDS.get("profile.cannotCreate", profileDir, why(e)), e);
        }
        try {
            // A profile folder made by hand (or by an older Envoi) may be open to others: it holds
            // every message and attachment, so it is tightened rather than only warned about.
            OwnerOnly.tighten(profileDir);
        } catch (IOException e) {
            // Another user's folder that this one may write to: its owner decides its rights.
        }
        DatabaseFileCheck.check(file, freshAllowed);
        try {
            OwnerOnly.createFile(file);
        } catch (IOException e) {
            throw new StoreOpenException(WORDS.get("database.cannotCreate", file, e.getMessage()), e);
        }
        Database database = Database.open(file);
        try {
            database.write("prepare the database", c -> {
                Schema.migrate(c);
                return null;
            });
            return new SqliteMessageStore(database, profileDir.resolve(VAULT_FOLDER), clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static String why(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return WORDS.get("profile.noFolder", missing.getFile());
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return WORDS.get("profile.denied");
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
            return WORDS.get("profile.fileInTheWay", exists.getFile());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ---- Drafts -------------------------------------------------------------------------------

    @Override
    public void save(Draft draft) {
        DraftContent content = draft.content();
        EntryId existing = draft.id();
        long now = clock.millis();
        record Saved(EntryId id, MessageFlags flags) {
        }
        Saved saved = database.write("save the draft", c -> {
            if (existing == null) {
                EntryId id = EntryId.random();
                MessageFlags flags = draftFlags(draft.flags(), content).with(MessageFlag.UNMODIFIED);
                MessageTable.insert(c, id, content, flags, now);
                return new Saved(id, flags);
            }
            MessageRow row = requireDraft(c, existing);
            MessageFlags flags = draftFlags(row.flags(), content).without(MessageFlag.UNMODIFIED);
            MessageTable.updateContent(c, row.rowId(), content, flags, now);
            return new Saved(existing, flags);
        });
        draft.saved(saved.id(), saved.flags());
        handles.track(saved.id(), draft);
    }

    @Override
    public Draft openDraft(EntryId id) {
        Draft draft = database.read("open the draft", c -> {
            MessageRow row = requireDraft(c, id);
            return new Draft(id, MessageTable.loadContent(c, row.rowId()), row.flags(), row.returnReason(),
                    RefusedList.parse(row.refused()));
        });
        handles.track(id, draft);
        return draft;
    }

    @Override
    public List<MessageSummary> drafts() {
        return database.read("list the drafts", c -> queries.summaries(c, Folder.DRAFTS));
    }

    @Override
    public List<MessageSummary> sent() {
        return database.read("list the sent messages", c -> queries.summaries(c, Folder.SENT));
    }

    @Override
    public DraftContent sentContent(EntryId sentId) {
        return database.read("open the sent message", c -> {
            MessageRow row = MessageTable.find(c, sentId).filter(r -> r.folder() == Folder.SENT)
                    .orElseThrow(() -> new MessageNotFoundException(WORDS.get("sent.notFound", sentId)));
            return MessageTable.loadContent(c, row.rowId());
        });
    }

    @Override
    public void deleteDraft(EntryId id) {
        database.write("delete the draft", c -> Database.update(c, "DELETE FROM message WHERE id = ?",
                requireDraft(c, id).rowId()));
        handles.releaseAll(id);
    }

    // ---- Attachments --------------------------------------------------------------------------

    @Override
    public Attachment importAttachment(Path file) {
        return vault.importFile(file);
    }

    @Override
    public Attachment importAttachment(String fileName, InputStream content) {
        return vault.importStream(fileName, content);
    }

    /** The bytes of an attachment for a transport: a missing or damaged file is an IOException. */
    public InputStream readAttachment(Attachment attachment) throws IOException {
        return vault.open(attachment);
    }

    @Override
    public InputStream openAttachment(Attachment attachment) {
        try {
            return vault.open(attachment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Submit and abort ---------------------------------------------------------------------

    /**
     * Save and submit in one durable transaction: one disk sync instead of two, and no moment
     * when the latest text is saved but not yet queued. The stored fields need no integrity
     * check here since they are written from the handle now; the attachments are checked.
     */
    @Override
    public EntryId submit(Draft draft, SubmitOptions options) {
        DraftContent content = draft.content();
        EntryId existing = draft.id();
        SubmitCheck check = SubmitCheck.of(content);
        check.verify(vault);
        Instant now = clock.instant();
        Instant due = dueTime(options, now);
        EntryId queuedId = database.write("send the message", c -> {
            long rowId;
            if (existing == null) {
                rowId = MessageTable.insert(c, EntryId.random(), content,
                        draftFlags(draft.flags(), content), now.toEpochMilli());
            } else {
                MessageRow row = requireDraft(c, existing);
                rowId = row.rowId();
                MessageTable.updateContent(c, rowId, content, draftFlags(row.flags(), content), now.toEpochMilli());
            }
            MessageRow saved = MessageTable.findByRowId(c, rowId).orElseThrow();
            return SubmitTransaction.run(c, saved, content, now, due, options.account().orElse(null));
        });
        if (existing != null) {
            handles.releaseAll(existing);
        }
        draft.released();
        events.publish(new QueueEvent.Queued(queuedId));
        return queuedId;
    }

    private Instant dueTime(SubmitOptions options, Instant now) {
        Duration undo = clampUndo(options.undoWindow().orElseGet(settings::undoWindow));
        return options.sendAt().orElse(now.plus(undo));
    }

    @Override
    public EntryId submit(EntryId draftId, SubmitOptions options) {
        // Hashing attachments reads whole files: do it before taking the write lock.
        SubmitCheck check = database.read("check the message", c -> SubmitCheck.load(c, requireDraft(c, draftId)));
        check.verify(vault);
        Instant now = clock.instant();
        Instant due = dueTime(options, now);
        EntryId queuedId = database.write("submit the message", c -> {
            MessageRow row = requireDraft(c, draftId);
            if (!row.contentHash().equals(check.contentHash())) {
                throw new CorruptDataException(WORDS.get("submit.changedWhileChecked"));
            }
            return SubmitTransaction.run(c, row, check.content(), now, due, options.account().orElse(null));
        });
        handles.releaseAll(draftId);
        events.publish(new QueueEvent.Queued(queuedId));
        return queuedId;
    }

    @Override
    public EntryId abortSubmit(EntryId queuedId) {
        EntryId draftId = database.write("cancel sending", c -> {
            MessageRow row = requireQueued(c, queuedId);
            if (row.isHandedOff()) {
                throw new UnableToAbortException(WORDS.get("queue.tooLateToCancel"));
            }
            return backToDrafts(c, row, null, List.of());
        });
        events.publish(new QueueEvent.Aborted(queuedId, draftId));
        return draftId;
    }

    @Override
    public boolean canAbort(EntryId queuedId) {
        return database.read("check the message", c -> MessageTable.find(c, queuedId)
                .filter(row -> row.folder() == Folder.OUTBOX && !row.isHandedOff()).isPresent());
    }

    @Override
    public List<OutboxEntry> outbox() {
        return database.read("list the outbox", queries::outbox);
    }

    @Override
    public Optional<MessageFate> fate(EntryId anyId) {
        return database.read("find the message", c -> queries.fate(c, anyId));
    }

    @Override
    public void resend(EntryId queuedId) {
        changeQueued(queuedId, "send the message again", "UPDATE message SET state = 'QUEUED', due_at = ?, "
                + "handed_off_at = NULL, attempts = 0, first_failure_at = NULL, last_error = NULL WHERE id = ? "
                + "AND state IN ('FAILED', 'UNCERTAIN')", WORDS.get("queue.resendRefused"));
    }

    @Override
    public void sendNow(EntryId queuedId) {
        changeQueued(queuedId, "send the message now", "UPDATE message SET due_at = ? WHERE id = ? "
                + "AND state IN ('QUEUED', 'RETRYING')", WORDS.get("queue.sendNowRefused"));
    }

    @Override
    public void markSent(EntryId queuedId) {
        boolean deleteAfterSend = settings.deleteAfterSend();
        database.write("mark the message as sent", c -> {
            MessageRow row = requireQueued(c, queuedId);
            if (!"UNCERTAIN".equals(row.state())) {
                throw new NotInQueueException(WORDS.get("queue.markSentRefused"));
            }
            return deliver(c, row, WORDS.get("record.markedSent"), clock.millis(), deleteAfterSend, "");
        });
        events.publish(new QueueEvent.StateChanged(queuedId));
    }

    @Override
    public void reassign(EntryId queuedId, String account) {
        database.write("choose another account", c -> {
            AccountAssignment.reassign(c, requireQueued(c, queuedId), account, clock.instant());
            return null;
        });
        events.publish(new QueueEvent.Queued(queuedId));
    }

    @Override
    public List<String> otherAccountsFor(EntryId queuedId) {
        return database.read("find the account", c -> AccountAssignment.otherAccounts(c, queuedId));
    }

    @Override
    public void waitForAccount(EntryId id, String reason, Instant recheckAt) {
        database.write("hold the message for its account", c -> {
            AccountAssignment.waitForAccount(c, requireQueued(c, id).rowId(), reason, recheckAt);
            return null;
        });
        events.publish(new QueueEvent.StateChanged(id));
    }

    @Override
    public List<MailAddress> knownAddresses(String prefix, int limit) {
        return database.read("look up addresses", c -> AddressBook.matching(c, prefix, limit));
    }

    @Override
    public StoreSettings settings() {
        return settings;
    }

    @Override
    public QueueSubscription subscribe(QueueListener listener) {
        return events.subscribe(listener);
    }

    /** The accounts' IMAP servers and Sent-folder copy settings, kept in the same database. */
    public dev.envoi.account.ImapSettingsRepository imapSettings() {
        return imapSettings;
    }

    @Override
    public dev.envoi.account.WritingSettingsRepository writingSettings() {
        return new SqliteWritingSettings(database); // holds nothing but the database: made when asked
    }

    /** The copies of sent messages on their way to the server's Sent folder. */
    public SentCopies sentCopies() {
        return sentCopies;
    }

    @Override
    public List<SentCopyEntry> unfinishedCopies() {
        return sentCopies.unfinished();
    }

    /** The profile's sending accounts, kept in the same database. */
    public AccountRepository accounts() {
        return accounts;
    }

    @Override
    public Path databaseFile() {
        return database.file();
    }

    // ---- The spooler's side -------------------------------------------------------------------

    @Override
    public RecoveryReport recoverAfterRestart() {
        RecoveryReport report = database.write("recover the outbox", c -> new RecoveryReport(
                Database.update(c, "UPDATE message SET state = CASE WHEN attempts > 1 THEN 'RETRYING' ELSE 'QUEUED' END "
                        + "WHERE folder = 'OUTBOX' AND state = 'SENDING' AND handed_off_at IS NULL"),
                Database.update(c, "UPDATE message SET state = 'UNCERTAIN', last_error = ? WHERE folder = 'OUTBOX' "
                        + "AND state IN ('SENDING', 'HANDED_OFF') AND handed_off_at IS NOT NULL",
                        WORDS.get("record.stoppedAtHandOff"))));
        if (report.requeued() + report.uncertain() > 0) {
            events.publish(new QueueEvent.ExternalChange());
        }
        collectAttachmentGarbage();
        return report;
    }

    /** Removes vault files no message uses, once they are a day old. */
    int collectAttachmentGarbage() {
        java.util.Set<String> referenced = database.read("list attachments", c -> {
            java.util.Set<String> hashes = new java.util.HashSet<>();
            try (var s = c.prepareStatement("SELECT DISTINCT sha256 FROM attachment"); var rs = s.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
            return hashes;
        });
        return vault.collectGarbage(referenced, clock.instant().minus(Duration.ofDays(1)));
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return database.read("look at the queue", queries::nextDueAt);
    }

    @Override
    public Optional<QueuedMessage> lockNextDue(Instant now) {
        Optional<OutboxQueries.Pick> pick = database.writeUnsynced("take the next message",
                c -> queries.lockNextDue(c, now));
        if (pick.isEmpty()) {
            return Optional.empty();
        }
        if (pick.get() instanceof OutboxQueries.Pick.Damaged damaged) {
            events.publish(new QueueEvent.StateChanged(damaged.id()));
            throw new CorruptDataException(WORDS.get("queue.damaged", damaged.id()));
        }
        QueuedMessage message = ((OutboxQueries.Pick.Locked) pick.get()).message();
        events.publish(new QueueEvent.StateChanged(message.id()));
        checkBeforeTransfer(message);
        return Optional.of(message);
    }

    private void checkBeforeTransfer(QueuedMessage message) {
        try {
            for (Attachment attachment : message.content().attachments()) {
                vault.checkPresent(attachment);
            }
        } catch (CorruptAttachmentException e) {
            markDamaged(message.id(), e.getMessage());
            throw new CorruptDataException(e.getMessage(), e);
        }
    }

    @Override
    public boolean isStillQueued(EntryId id) {
        return database.read("check the message", c -> MessageTable.find(c, id)
                .filter(row -> row.folder() == Folder.OUTBOX).isPresent());
    }

    @Override
    public void recordHandOff(EntryId id) {
        database.write("record the hand-off", c -> {
            MessageRow row = requireQueued(c, id);
            if (!"SENDING".equals(row.state())) {
                throw new NotInQueueException(WORDS.get("queue.notSending", row.state()));
            }
            return Database.update(c, "UPDATE message SET state = 'HANDED_OFF', handed_off_at = ? WHERE id = ?",
                    clock.millis(), row.rowId());
        });
        events.publish(new QueueEvent.StateChanged(id));
    }

    @Override
    public void markDelivered(EntryId id, String reply, Instant at, boolean keepInSent, String account) {
        boolean deleteAfterSend = !keepInSent || settings.deleteAfterSend();
        // Not waiting for the disk: the hand-off record before it is durable, so if a power cut
        // loses this commit, recovery finds the message handed off and marks it uncertain, never
        // sends it again. A process crash loses nothing (the WAL is written before this returns),
        // and the next durable write, the next message's hand-off, carries it to the disk.
        database.writeUnsynced("move the message to Sent",
                c -> deliver(c, requireQueued(c, id), reply, at.toEpochMilli(), deleteAfterSend, account));
        events.publish(new QueueEvent.StateChanged(id));
    }

    @Override
    public void scheduleRetry(EntryId id, String error, Instant nextAttempt) {
        updateQueued(id, "schedule a retry", "UPDATE message SET state = 'RETRYING', due_at = ?, last_error = ?, "
                + "handed_off_at = NULL, first_failure_at = coalesce(first_failure_at, ?) WHERE id = ?", nextAttempt.toEpochMilli(), error,
                clock.millis());
    }

    @Override
    public void waitForSignIn(EntryId id, String reason) {
        // No attempt counted and no first failure recorded: after the sign-in the message gets
        // the whole retry limit, as if it had just been submitted.
        updateQueued(id, "wait for a sign-in", "UPDATE message SET state = 'RETRYING', due_at = ?, last_error = ?, "
                + "handed_off_at = NULL, attempts = max(attempts - 1, 0), first_failure_at = NULL WHERE id = ?",
                SignInWait.DUE.toEpochMilli(), reason);
    }

    /**
     * After {@code account} signed in: its messages waiting for a sign-in are due now (and those
     * queued before messages kept their account, which go by their sender). Returns how many.
     */
    public int resumeSignInWaits(String account) {
        int resumed = database.write("resume the messages waiting for a sign-in", c -> Database.update(c,
                "UPDATE message SET due_at = ? WHERE folder = 'OUTBOX' AND state = 'RETRYING' AND due_at >= ?"
                        + " AND (account = ? OR account IS NULL)",
                clock.millis(), SignInWait.DUE.toEpochMilli(), account));
        if (resumed > 0) {
            events.publish(new QueueEvent.ExternalChange());
        }
        return resumed;
    }

    /** The sign-in settings of the profile's OAuth accounts. */
    public OAuthSettingsRepository oauthSettings() {
        return oauthSettings;
    }

    @Override
    public void markFailed(EntryId id, String error) {
        updateQueued(id, "mark the message failed", "UPDATE message SET state = 'FAILED', last_error = ? WHERE id = ?",
                error);
    }

    @Override
    public void returnToDrafts(EntryId id, String reason, List<MailAddress> refused) {
        // A refusal always carries a reason: an empty one would read as the user's own cancel.
        String why = reason == null || reason.isBlank() ? WORDS.get("record.noReason") : reason;
        database.write("return the message to Drafts", c -> backToDrafts(c, requireQueued(c, id), why, refused));
        events.publish(new QueueEvent.StateChanged(id));
    }

    @Override
    public void markUncertain(EntryId id, String error) {
        updateQueued(id, "mark the message uncertain",
                "UPDATE message SET state = 'UNCERTAIN', last_error = ? WHERE id = ?", error);
    }

    @Override
    public void markDamaged(EntryId id, String error) {
        markFailed(id, WORDS.get("record.damaged", error));
    }

    @Override
    public void unlock(EntryId id) {
        database.write("release the message", c -> Database.update(c, "UPDATE message SET state = "
                + "CASE WHEN attempts > 1 THEN 'RETRYING' ELSE 'QUEUED' END, attempts = max(attempts - 1, 0) "
                + "WHERE entry_id = ? AND state = 'SENDING'", id.value()));
        events.publish(new QueueEvent.StateChanged(id));
    }

    @Override
    public void close() {
        events.close();
        database.close();
    }

    // ---- Helpers ------------------------------------------------------------------------------

    private static MessageFlags draftFlags(MessageFlags flags, DraftContent content) {
        MessageFlags result = flags.with(MessageFlag.UNSENT).without(MessageFlag.SUBMIT);
        return content.attachments().isEmpty() ? result.without(MessageFlag.HASATTACH) : result.with(MessageFlag.HASATTACH);
    }

    private static MessageRow requireDraft(Connection c, EntryId id) throws SQLException {
        Optional<MessageRow> row = MessageTable.find(c, id);
        if (row.isEmpty()) {
            throw new MessageNotFoundException(WORDS.get("draft.notFound", id));
        }
        if (row.get().folder() == Folder.OUTBOX) {
            throw new SubmittedException(WORDS.get("draft.inOutbox", id));
        }
        if (row.get().folder() != Folder.DRAFTS) {
            throw new MessageNotFoundException(WORDS.get("draft.sent", id));
        }
        return row.get();
    }

    private static MessageRow requireQueued(Connection c, EntryId id) throws SQLException {
        Optional<MessageRow> row = MessageTable.find(c, id).filter(r -> r.folder() == Folder.OUTBOX);
        if (row.isEmpty()) {
            throw new NotInQueueException(WORDS.get("queue.notQueued", id));
        }
        return row.get();
    }

    private EntryId backToDrafts(Connection c, MessageRow row, String reason, List<MailAddress> refused)
            throws SQLException {
        MessageFlags flags = row.flags().without(MessageFlag.SUBMIT).with(MessageFlag.UNSENT);
        EntryId draftId = MessageTable.move(c, row.rowId(), Folder.DRAFTS, flags, clock.millis());
        Database.update(c, "UPDATE message SET state = NULL, due_at = NULL, handed_off_at = NULL, return_reason = ?, "
                + "refused_recipients = ? WHERE id = ?", reason, RefusedList.format(refused), row.rowId());
        return draftId;
    }

    private Object deliver(Connection c, MessageRow row, String reply, long at, boolean deleteAfterSend,
                           String account) throws SQLException {
        // The copy for the server's Sent folder is asked for in this same transaction, so no crash
        // can file the message without it; the message then stays until the copy is made.
        boolean copied = SqliteSentCopies.requestIfWanted(c, row.rowId(), account, clock.millis(), deleteAfterSend);
        if (deleteAfterSend && !copied) {
            return Database.update(c, "DELETE FROM message WHERE id = ?", row.rowId());
        }
        MessageFlags flags = row.flags().without(MessageFlag.SUBMIT).without(MessageFlag.UNSENT);
        MessageTable.move(c, row.rowId(), Folder.SENT, flags, clock.millis());
        return Database.update(c, "UPDATE message SET state = NULL, due_at = NULL, sent_at = ?, server_reply = ? "
                + "WHERE id = ?", at, reply, row.rowId());
    }

    private void changeQueued(EntryId id, String what, String sql, String refusal) {
        database.write(what, c -> {
            MessageRow row = requireQueued(c, id);
            if (Database.update(c, sql, clock.millis(), row.rowId()) == 0) {
                throw new NotInQueueException(refusal);
            }
            return null;
        });
        events.publish(new QueueEvent.Queued(id));
    }

    private void updateQueued(EntryId id, String what, String sql, Object... leadingArgs) {
        database.write(what, c -> {
            MessageRow row = requireQueued(c, id);
            Object[] args = java.util.Arrays.copyOf(leadingArgs, leadingArgs.length + 1);
            args[leadingArgs.length] = row.rowId();
            return Database.update(c, sql, args);
        });
        events.publish(new QueueEvent.StateChanged(id));
    }

    /** Recipients of a content after duplicates are removed (the first occurrence wins). */
    static List<Recipient> withoutDuplicates(List<Recipient> recipients) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return recipients.stream()
                .filter(r -> seen.add(r.address().address().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    static Duration clampUndo(Duration window) {
        if (window.isNegative()) {
            return Duration.ZERO;
        }
        return window.compareTo(StoreSettings.MAX_UNDO_WINDOW) > 0 ? StoreSettings.MAX_UNDO_WINDOW : window;
    }
}
