package dev.envoi.app.command;

import dev.envoi.account.Account;
import dev.envoi.app.cli.Printable;
import dev.envoi.message.OutboxState;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The text of `envoi diagnose`: versions, the system, the profile's accounts without their
 * secrets (no user name, password, token or pinned certificate), the outbox by state and id (no
 * subject, recipient or content), and the log's last lines. Every line that holds text from outside
 * (an account's name, a log line with a server's reply) has its control characters made visible.
 */
final class DiagnosisReport {

    static final int LOG_LINES = 200;

    private final StringBuilder text = new StringBuilder();

    DiagnosisReport(Path profile, Instant now) {
        line("Envoi diagnosis, " + now);
        line("Envoi version: " + envoiVersion());
        line("Java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        line("JavaFX: " + javafxVersion());
        line("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        line("Profile: " + Printable.reason(profile.toString()));
    }

    void addProfile(SqliteMessageStore store) {
        List<Account> accounts = store.accounts().accounts();
        line("");
        line("Accounts (" + accounts.size() + "):");
        for (Account account : accounts) {
            line("  " + Printable.of(account.name()) + (account.isDefault() ? " (default)" : "") + ": "
                    + (account.usesSendmail() ? "sendmail " + Printable.of(account.sendmailProgram())
                    : Printable.of(account.host()) + ":" + account.port() + ", security " + account.security()
                    + ", auth " + account.auth()));
        }
        List<OutboxEntry> outbox = store.outbox();
        Map<OutboxState, Integer> counts = new EnumMap<>(OutboxState.class);
        outbox.forEach(entry -> counts.merge(entry.state(), 1, Integer::sum));
        line("");
        line("Outbox (" + outbox.size() + "): " + (counts.isEmpty() ? "empty" : counts));
        for (OutboxEntry entry : outbox) {
            line("  " + entry.id().value() + " " + entry.state() + ", attempts " + entry.attempts() + ", due "
                    + entry.dueAt() + entry.account().map(name -> ", account " + Printable.of(name)).orElse(""));
        }
        List<MessageSummary> refused = store.drafts().stream().filter(d -> !d.returnReason().isEmpty()).toList();
        line("Refused, back in Drafts (" + refused.size() + "):");
        refused.forEach(draft -> line("  " + draft.id().value()));
    }

    void storeFailed(StoreException e) {
        line("");
        line("Store: could not be opened: " + Printable.reason(String.valueOf(e.getMessage())));
    }

    void addLog(List<String> lines) {
        line("");
        line("Last " + lines.size() + " lines of the log:");
        lines.forEach(logLine -> line(Printable.reason(logLine)));
    }

    String text() {
        return text.toString();
    }

    private void line(String line) {
        text.append(line).append('\n');
    }

    /** From the jar's manifest; a build run from classes (tests, mvn javafx:run) has none. */
    private static String envoiVersion() {
        String version = DiagnosisReport.class.getPackage().getImplementationVersion();
        return version == null ? "development build (not from envoi.jar)" : version;
    }

    /** javafx.properties sits at the root of javafx-base, on the class path and the module path alike. */
    private static String javafxVersion() {
        try (InputStream in = javafx.beans.Observable.class.getResourceAsStream("/javafx.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("javafx.runtime.version", properties.getProperty("javafx.version", "unknown"));
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
