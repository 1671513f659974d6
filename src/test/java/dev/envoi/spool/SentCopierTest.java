package dev.envoi.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.store.Drafts;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SentCopyEntry;
import dev.envoi.store.SentCopyState;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.ImapFront;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.transport.SmtpTransport;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy as a durable step after the hand-off, end to end: a real profile store, the real
 * spooler sending through GreenMail's SMTP, and the copier filing in GreenMail's IMAP (through an
 * {@link ImapFront} where a fault is needed). The message always goes once; the copy says where it is.
 */
@Timeout(60)
class SentCopierTest {

    private static final String PASSWORD = "copy-pw";
    private static final SecretLookup SECRET = a -> Optional.of(PASSWORD.toCharArray());
    private static final SmtpTimeouts QUICK = new SmtpTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3),
            Duration.ofSeconds(3), Duration.ofSeconds(3));
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(200), 0,
            new Random(1));

    @TempDir
    Path profile;
    private GreenMail mail;
    private SqliteMessageStore store;
    private Spooler spooler;
    private final List<SentCopier> copiers = new ArrayList<>();
    private final List<ImapFront> fronts = new ArrayList<>();

    @BeforeEach
    void setUp() {
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
        mail.start();
        mail.setUser("emile@example.org", "emile", PASSWORD);
        mail.setUser("jane@example.org", "jane", "jane-pw");
        store = SqliteMessageStore.open(profile);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (spooler != null) {
            spooler.close();
        }
        for (SentCopier copier : copiers) {
            copier.close();
        }
        for (ImapFront front : fronts) {
            front.close();
        }
        store.close();
        mail.stop();
    }

    @Test
    void aSentMessageIsCopiedOnceToTheServersSentFolder() throws Exception {
        addAccount(true, mail.getImap().getPort(), true);
        start();
        EntryId id = submit("copied once");

        await(() -> store.sentCopies().stateOf(id) == SentCopyState.DONE);
        assertEquals(Folder.SENT, store.fate(id).orElseThrow().folder());
        assertEquals(1, sentFolderCount());
        assertTrue(store.sentCopies().unfinished().isEmpty());
    }

    @Test
    void anImapLoginRefusedWhileSmtpWorksLeavesTheMailSentAndTheCopyFailedWithTheReason() throws Exception {
        ImapFront refusing = front().refuseLogin();
        addAccount(true, refusing.port(), true);
        start();
        EntryId id = submit("refused copy");

        await(() -> store.sentCopies().stateOf(id) == SentCopyState.FAILED);
        assertEquals(Folder.SENT, store.fate(id).orElseThrow().folder());
        assertEquals(1, count("jane", "jane-pw", "INBOX"), "the mail went, once");
        SentCopyEntry entry = store.sentCopies().unfinished().get(0);
        assertEquals(SentCopyState.FAILED, entry.state());
        assertTrue(entry.lastError().contains("refused the login of emile"), entry.lastError());
        assertTrue(entry.lastError().contains("The mail was sent"), entry.lastError());
    }

    @Test
    void aCopyBrokenOffDuringAppendStaysPendingAndIsFiledOnceAfterARestart() throws Exception {
        ImapFront front = front().onAppend(ImapFront.Append.DROP_AFTER_STORED);
        addAccount(true, front.port(), true);
        start();
        EntryId id = submit("broken append");

        await(() -> store.sentCopies().unfinished().stream().anyMatch(e -> e.attempts() > 0));
        copiers.get(0).close();
        SentCopyEntry pending = store.sentCopies().unfinished().get(0);
        assertEquals(SentCopyState.PENDING, pending.state());
        assertTrue(pending.lastError().contains("tries the copy again"), pending.lastError());
        assertEquals(1, sentFolderCount(), "the server had stored it before the connection broke");

        // Envoi starts again; the server behaves now.
        front.onAppend(ImapFront.Append.PASS);
        int appendsBefore = front.appendsSeen();
        startCopier();
        await(() -> store.sentCopies().stateOf(id) == SentCopyState.DONE);
        assertEquals(1, sentFolderCount());
        assertEquals(appendsBefore, front.appendsSeen(), "found by its Message-ID, not appended again");
        assertEquals(1, count("jane", "jane-pw", "INBOX"), "the message itself went once");
    }

    @Test
    void aMessageNotKeptLocallyStaysHiddenUntilItsCopyIsFiledThenGoes() throws Exception {
        addAccount(false, mail.getImap().getPort(), true);
        start();
        EntryId id = submit("no local copy");

        await(() -> store.fate(id).orElseThrow().folder() == Folder.DELETED);
        assertEquals(1, sentFolderCount());
        assertTrue(store.sent().isEmpty());
    }

    @Test
    void anAccountThatKeepsNoServerCopyGetsNone() throws Exception {
        addAccount(true, mail.getImap().getPort(), false);
        start();
        EntryId id = submit("off");

        await(() -> store.fate(id).orElseThrow().folder() == Folder.SENT);
        assertTrue(copiers.get(0).awaitIdle(Duration.ofSeconds(5)));
        assertEquals(SentCopyState.OFF, store.sentCopies().stateOf(id));
        assertEquals(0, sentFolderCount());
    }

    @Test
    void anImapUserOtherThanTheSmtpLoginGetsTheCopyInItsOwnSentFolder() throws Exception {
        // A mailbox whose IMAP login differs from the SMTP one; the account has one secret for both.
        mail.setUser("archive@example.org", "emile-imap", PASSWORD);
        addAccount(true, mail.getImap().getPort(), true);
        store.imapSettings().put("work", new ImapSettings(
                new ImapServer("127.0.0.1", mail.getImap().getPort(), SmtpSecurity.NONE, "emile-imap"), true, ""));
        store.close();
        store = SqliteMessageStore.open(profile);
        assertEquals("emile-imap", store.imapSettings().forAccount("work").orElseThrow().server().user(),
                "kept in the profile's database");
        start();
        EntryId id = submit("copied as the IMAP user");

        await(() -> store.sentCopies().stateOf(id) == SentCopyState.DONE);
        assertEquals(1, count("emile-imap", PASSWORD, "Sent"));
        assertEquals(0, sentFolderCount(), "not in the SMTP login's mailbox");
        assertEquals(1, count("jane", "jane-pw", "INBOX"), "the mail went, once");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void addAccount(boolean keepInSent, int imapPort, boolean keepCopy) {
        Account account = new Account("work", new MailAddress("Émile Envoi", "emile@example.org"), "127.0.0.1",
                mail.getSmtp().getPort(), SmtpSecurity.NONE, "emile", AuthMethod.PASSWORD, 0, keepInSent, false, false,
                "", true);
        store.accounts().put(account);
        store.imapSettings().put("work",
                new ImapSettings(new ImapServer("127.0.0.1", imapPort, SmtpSecurity.NONE), keepCopy, ""));
    }

    private void start() {
        AccountRouter router = new AccountRouter(store.accounts(),
                account -> new SmtpTransport(account, SECRET, QUICK, ServerTrust.system()), () -> {
                    throw new IllegalStateException("no pickup folder in this test");
                });
        spooler = new Spooler(store, router, store::readAttachment, FAST, Clock.systemUTC(), TransferProgress.NONE);
        spooler.start();
        startCopier();
    }

    private void startCopier() {
        SentCopier copier = new SentCopier(store.sentCopies(), new AccountSentFolders(store.accounts(),
                store.imapSettings(), SECRET, QUICK, ServerTrust.system()), store::readAttachment, FAST,
                Clock.systemUTC());
        copiers.add(copier);
        copier.start(store::subscribe);
    }

    private EntryId submit(String subject) {
        return store.submit(Drafts.draft(subject), SubmitOptions.undo(Duration.ZERO));
    }

    private ImapFront front() throws Exception {
        ImapFront front = new ImapFront(mail.getImap().getPort());
        fronts.add(front);
        return front;
    }

    private int sentFolderCount() throws Exception {
        return count("emile", PASSWORD, "Sent");
    }

    private int count(String user, String password, String folderName) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.timeout", "10000");
        try (Store reader = Session.getInstance(properties).getStore("imap")) {
            reader.connect("127.0.0.1", mail.getImap().getPort(), user, password);
            jakarta.mail.Folder folder = reader.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 30 s");
            }
            Thread.sleep(25);
        }
    }
}
