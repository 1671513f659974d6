package dev.envoi.app.desktop;

import dev.envoi.account.AccessTokens;
import dev.envoi.account.Account;
import dev.envoi.account.ImapServer;
import dev.envoi.account.SecretLookup;
import dev.envoi.settings.ConnectionTester;
import dev.envoi.transport.AccountTester;
import dev.envoi.transport.ImapTester;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accounts window's "Test connection" for both of an account's servers: the SMTP server the
 * mail goes through, then the IMAP server its Sent copies go to, each step with its own verdict
 * (as `envoi account test` prints them). IMAP is tried even when SMTP failed: the two are apart.
 */
final class ServersConnectionTester implements ConnectionTester {

    private final SmtpConnectionTester smtp;
    private final ImapTester imap;
    private final Texts texts = Texts.of(ServersConnectionTester.class);

    /** {@code tokens} may be null when this process cannot sign OAuth 2.0 accounts in. */
    ServersConnectionTester(SmtpTimeouts timeouts, AccessTokens tokens) {
        this.smtp = new SmtpConnectionTester(timeouts);
        this.imap = new ImapTester(timeouts, ServerTrust.system(), tokens);
    }

    @Override
    public List<Step> test(Account account, SecretLookup secret) {
        return smtp.test(account, secret);
    }

    @Override
    public Outcome run(Account account, SecretLookup secret) {
        return smtp.run(account, secret);
    }

    @Override
    public Outcome run(Account account, Optional<ImapServer> server, SecretLookup secret) {
        Outcome sending = smtp.run(account, secret);
        if (server.isEmpty()) {
            return sending;
        }
        List<Step> steps = new ArrayList<>(sending.steps());
        // A certificate IMAP refused is described in its step; the one offered to trust stays SMTP's,
        // the certificate the account's pin is for.
        for (AccountTester.StepResult s : imap.test(account, server.get(), secret).steps()) {
            steps.add(new Step(texts.get("step.imap." + s.step().name()), s.ok(), s.performed(), s.detail()));
        }
        return new Outcome(List.copyOf(steps), sending.refusedCertificate());
    }
}
