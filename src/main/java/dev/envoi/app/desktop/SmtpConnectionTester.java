package dev.envoi.app.desktop;

import dev.envoi.account.Account;
import dev.envoi.account.SecretLookup;
import dev.envoi.settings.ConnectionTester;
import dev.envoi.transport.AccountTester;
import dev.envoi.transport.RejectedCertificate;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.ui.Texts;
import java.util.List;
import java.util.Optional;

/** The accounts window's "Test connection", done by the SMTP transport's own step-by-step tester. */
final class SmtpConnectionTester implements ConnectionTester {

    private final SmtpTimeouts timeouts;
    private final Texts texts = Texts.of(SmtpConnectionTester.class);

    SmtpConnectionTester(SmtpTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public List<Step> test(Account account, SecretLookup secret) {
        return run(account, secret).steps();
    }

    @Override
    public Outcome run(Account account, SecretLookup secret) {
        AccountTester.Report report = new AccountTester(timeouts, ServerTrust.system()).test(account, secret);
        Optional<RejectedCertificate> refused = report.refusedCertificate();
        return new Outcome(report.steps().stream().map(s -> new Step(texts.get("step." + s.step().name()), s.ok(),
                s.performed(),
                // The window shows the certificate and a button, not the terminal's `envoi account pin`.
                refused.isPresent() && !s.ok() ? refused.get().describeShown(account.host()) : s.detail())).toList(),
                refused.map(RejectedCertificate::details));
    }
}
