package dev.envoi.app;

import dev.envoi.account.Account;
import dev.envoi.account.SecretLookup;
import dev.envoi.settings.ConnectionTester;
import dev.envoi.transport.AccountTester;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.ui.Texts;
import java.util.List;

/** The accounts window's "Test connection", done by the SMTP transport's own step-by-step tester. */
final class SmtpConnectionTester implements ConnectionTester {

    private final SmtpTimeouts timeouts;
    private final Texts texts = Texts.of(SmtpConnectionTester.class);

    SmtpConnectionTester(SmtpTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public List<Step> test(Account account, SecretLookup secret) {
        AccountTester.Report report = new AccountTester(timeouts, ServerTrust.system()).test(account, secret);
        return report.steps().stream()
                .map(s -> new Step(texts.get("step." + s.step().name()), s.ok(), s.performed(), s.detail())).toList();
    }
}
