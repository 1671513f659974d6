package dev.envoi.store;

import dev.envoi.account.AccountRepository;
import dev.envoi.account.ImapSettingsRepository;
import dev.envoi.account.OAuthSettingsRepository;
import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The profile's message store in one SQLite file, with attachments in a content-addressed vault
 * beside it. It is both the user's store ({@link MessageStore}) and the spooler's queue
 * ({@link OutgoingQueue}); every state change is one durable transaction. Each role is a class of
 * its own, and this one only hands each call to it: {@link DraftFolder}, {@link Submission} and
 * {@link OutboxActions} (the user's side of the outgoing queue), {@link SpoolerQueue} (the
 * spooler's side), {@link SentFolder}, {@link AttachmentFiles}, and the account tables.
 */
public final class SqliteMessageStore implements MessageStore, OutgoingQueue {

    public static final String DATABASE_FILE = "envoi.db";
    public static final String VAULT_FOLDER = "vault";

    private final Database database;
    private final SqliteSettings settings;
    private final QueueEvents events;
    private final DraftFolder drafts;
    private final SentFolder sent;
    private final Submission submission;
    private final OutboxActions outbox;
    private final SpoolerQueue spooler;
    private final AttachmentFiles attachments;
    private final SqliteAccountRepository accounts;
    private final SqliteImapSettings imapSettings;
    private final SqliteOAuthSettings oauthSettings;
    private final SqliteSentCopies sentCopies;
    private final SentPruner pruner;
    private final PageKeys pageKeys = new PageKeys();

    private SqliteMessageStore(Database database, Path vaultDir, Clock clock) {
        this.database = database;
        this.settings = new SqliteSettings(database);
        this.events = new QueueEvents(database::dataVersion);
        OutboxQueries queries = new OutboxQueries();
        OpenHandles handles = new OpenHandles();
        this.attachments = new AttachmentFiles(database,
                new AttachmentVault(vaultDir, settings::attachmentSizeLimit), clock);
        this.drafts = new DraftFolder(database, queries, handles, clock);
        this.sent = new SentFolder(database, queries, clock);
        this.submission = new Submission(database, attachments.vault(), settings, events, handles, clock);
        this.outbox = new OutboxActions(database, queries, sent, settings, events, clock);
        this.spooler = new SpoolerQueue(database, queries, sent, attachments, settings, events, clock);
        this.accounts = new SqliteAccountRepository(database);
        this.imapSettings = new SqliteImapSettings(database);
        this.oauthSettings = new SqliteOAuthSettings(database);
        this.sentCopies = new SqliteSentCopies(database, settings, events, clock);
        this.pruner = new SentPruner(database, attachments.vault(), settings, events, clock);
    }

    public static SqliteMessageStore open(Path profileDir) {
        return open(profileDir, Clock.systemUTC());
    }

    /** Opens (creating or migrating) the store in the profile folder. */
    public static SqliteMessageStore open(Path profileDir, Clock clock) {
        return new SqliteMessageStore(ProfileDatabase.open(profileDir, false), profileDir.resolve(VAULT_FOLDER), clock);
    }

    /**
     * Opens the store as {@link #open(Path)} does, but takes an empty database as a new profile
     * even when the vault beside it holds files (the user asked for a fresh profile; the vault's
     * files are left where they are).
     */
    public static SqliteMessageStore openFresh(Path profileDir) {
        return new SqliteMessageStore(ProfileDatabase.open(profileDir, true), profileDir.resolve(VAULT_FOLDER),
                Clock.systemUTC());
    }

    // ---- Drafts and Sent ----------------------------------------------------------------------

    @Override
    public void save(Draft draft) {
        drafts.save(draft);
    }

    @Override
    public Draft openDraft(EntryId id) {
        return drafts.open(id);
    }

    @Override
    public List<MessageSummary> drafts() {
        return drafts.list();
    }

    @Override
    public int sentCount() {
        return database.read("count the sent messages", c -> FolderPages.count(c, Folder.SENT));
    }

    @Override
    public List<MessageSummary> sentPage(int offset, int limit) {
        return database.read("list the sent messages", c -> pageKeys.page(c, Folder.SENT, offset, limit));
    }

    @Override
    public int draftCount() {
        return database.read("count the drafts", c -> FolderPages.count(c, Folder.DRAFTS));
    }

    @Override
    public int returnedDraftCount() {
        return database.read("count the returned drafts", FolderPages::countReturned);
    }

    @Override
    public List<MessageSummary> draftPage(int offset, int limit) {
        return database.read("list the drafts", c -> pageKeys.page(c, Folder.DRAFTS, offset, limit));
    }

    @Override
    public void deleteDraft(EntryId id) {
        drafts.delete(id);
    }

    @Override
    public List<MessageSummary> sent() {
        return sent.list();
    }

    @Override
    public DraftContent sentContent(EntryId sentId) {
        return sent.content(sentId);
    }

    // ---- Attachments --------------------------------------------------------------------------

    @Override
    public Attachment importAttachment(Path file) {
        return attachments.importFile(file);
    }

    @Override
    public Attachment importAttachment(String fileName, InputStream content) {
        return attachments.importStream(fileName, content);
    }

    /** The bytes of an attachment for a transport: a missing or damaged file is an IOException. */
    public InputStream readAttachment(Attachment attachment) throws IOException {
        return attachments.read(attachment);
    }

    @Override
    public InputStream openAttachment(Attachment attachment) {
        return attachments.open(attachment);
    }

    @Override
    public int collectAttachmentGarbage() {
        return attachments.collectGarbage();
    }

    // ---- The user's side of the outgoing queue ------------------------------------------------

    @Override
    public EntryId submit(Draft draft, SubmitOptions options) {
        return submission.submit(draft, options);
    }

    @Override
    public EntryId submit(EntryId draftId, SubmitOptions options) {
        return submission.submit(draftId, options);
    }

    @Override
    public EntryId abortSubmit(EntryId queuedId) {
        return submission.abort(queuedId);
    }

    @Override
    public boolean canAbort(EntryId queuedId) {
        return submission.canAbort(queuedId);
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox.list();
    }

    @Override
    public int outboxCount() {
        return outbox.count();
    }

    @Override
    public List<OutboxEntry> outboxPage(int offset, int limit) {
        return outbox.page(offset, limit);
    }

    @Override
    public Optional<OutboxEntry> outboxEntry(EntryId id) {
        return outbox.entry(id);
    }

    @Override
    public Optional<MessageFate> fate(EntryId anyId) {
        return outbox.fate(anyId);
    }

    @Override
    public void resend(EntryId queuedId) {
        outbox.resend(queuedId);
    }

    @Override
    public void sendNow(EntryId queuedId) {
        outbox.sendNow(queuedId);
    }

    @Override
    public void markSent(EntryId queuedId) {
        outbox.markSent(queuedId);
    }

    @Override
    public void reassign(EntryId queuedId, String account) {
        outbox.reassign(queuedId, account);
    }

    @Override
    public List<String> otherAccountsFor(EntryId queuedId) {
        return outbox.otherAccountsFor(queuedId);
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

    // ---- Accounts and the copies for their Sent folders ---------------------------------------

    /** The profile's sending accounts, kept in the same database. */
    public AccountRepository accounts() {
        return accounts;
    }

    /** The accounts' IMAP servers and Sent-folder copy settings, kept in the same database. */
    public ImapSettingsRepository imapSettings() {
        return imapSettings;
    }

    /** The sign-in settings of the profile's OAuth accounts. */
    public OAuthSettingsRepository oauthSettings() {
        return oauthSettings;
    }

    @Override
    public Path profileFolder() {
        return database.file().toAbsolutePath().getParent();
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

    @Override
    public int retryFailedCopies() {
        return sentCopies.retryFailed();
    }

    // ---- The spooler's side -------------------------------------------------------------------

    @Override
    public RecoveryReport recoverAfterRestart() {
        RecoveryReport report = spooler.recoverAfterRestart();
        pruner.later();
        return report;
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return spooler.nextDueAt();
    }

    @Override
    public Optional<QueuedMessage> lockNextDue(Instant now) {
        return spooler.lockNextDue(now);
    }

    @Override
    public boolean isStillQueued(EntryId id) {
        return spooler.isStillQueued(id);
    }

    @Override
    public void recordHandOff(EntryId id) {
        spooler.recordHandOff(id);
    }

    @Override
    public void markDelivered(EntryId id, String reply, Instant at, boolean keepInSent, String account) {
        spooler.markDelivered(id, reply, at, keepInSent, account);
        pruner.filed();
    }

    /** The spooler's filings in Sent apply the retention setting too, every hundred. */
    @Override
    public int applySentRetention() {
        return pruner.pruneNow();
    }

    @Override
    public int countSentBeyond(SentRetention retention) {
        return pruner.countBeyond(retention);
    }

    @Override
    public void scheduleRetry(EntryId id, String error, Instant nextAttempt) {
        spooler.scheduleRetry(id, error, nextAttempt);
    }

    @Override
    public void waitForAccount(EntryId id, String reason, Instant recheckAt) {
        spooler.waitForAccount(id, reason, recheckAt);
    }

    @Override
    public void waitForSignIn(EntryId id, String reason) {
        spooler.waitForSignIn(id, reason);
    }

    /**
     * After {@code account} signed in: its messages waiting for a sign-in are due now (and those
     * queued before messages kept their account, which go by their sender). Returns how many.
     */
    public int resumeSignInWaits(String account) {
        return spooler.resumeSignInWaits(account);
    }

    @Override
    public void markFailed(EntryId id, String error) {
        spooler.markFailed(id, error);
    }

    @Override
    public void returnToDrafts(EntryId id, String reason, List<MailAddress> refused) {
        spooler.returnToDrafts(id, reason, refused);
    }

    @Override
    public void markUncertain(EntryId id, String error) {
        spooler.markUncertain(id, error);
    }

    @Override
    public void markDamaged(EntryId id, String error) {
        spooler.markDamaged(id, error);
    }

    @Override
    public void unlock(EntryId id) {
        spooler.unlock(id);
    }

    @Override
    public void close() {
        pruner.close();
        events.close();
        database.close();
    }
}
