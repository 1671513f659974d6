package dev.envoi.settings;

import dev.envoi.account.AuthMethod;
import dev.envoi.message.AddressParser;
import dev.envoi.message.ParsedAddress;
import dev.envoi.setup.Discovery;
import dev.envoi.setup.Endpoint;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The accounts window's Continue: finds the servers of the address typed, fills the form with them
 * (the user can still change every field before saving), says where they came from, and runs the
 * connection test, so the user sees whether they work before saving.
 */
public final class DiscoveryViewModel {

    private final ServerFinder finder;
    private final AccountForm form;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final Runnable testConnection;
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Endpoint> imap = new ReadOnlyObjectWrapper<>();

    DiscoveryViewModel(ServerFinder finder, AccountForm form, TaskExecutor tasks, Texts texts,
                       Runnable testConnection) {
        this.finder = finder;
        this.form = form;
        this.tasks = tasks;
        this.texts = texts;
        this.testConnection = testConnection;
        // What it says is about the address it was found for; another address, another search.
        form.address.addListener((o, was, now) -> {
            source.set("");
            imap.set(null);
        });
    }

    /** Where the settings in the form came from, or why none were found. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The incoming (IMAP) server found with the outgoing one, or null: for the account's IMAP settings. */
    public ReadOnlyObjectProperty<Endpoint> imapProperty() {
        return imap.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Searches for the address's servers in the background. */
    public void find() {
        List<ParsedAddress> parsed = AddressParser.parseList(form.address.get());
        if (parsed.size() != 1 || !(parsed.get(0) instanceof ParsedAddress.Valid valid)) {
            source.set(texts.get("discovery.badAddress"));
            return;
        }
        String address = valid.address().address();
        String typed = form.address.get();
        busy.set(true);
        source.set(texts.get("discovery.running", visible(address)));
        // An answer for an address the user has since changed is no longer about this account.
        BackgroundTask.of("finding an account's servers", () -> finder.find(address))
                .onSuccess(finding -> {
                    if (typed.equals(form.address.get())) {
                        show(address, finding.discovery());
                    }
                })
                // A bad override (ENVOI_DNS=...) or a defect: said, and the form stays as the user left it.
                .onFailure(e -> {
                    if (typed.equals(form.address.get())) {
                        source.set(texts.get("discovery.failed", visible(String.valueOf(e.getMessage()))));
                    }
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    private void show(String address, Optional<Discovery> found) {
        if (found.isEmpty()) {
            source.set(texts.get("discovery.none", visible(address)));
            return;
        }
        Discovery d = found.get();
        fill(d, address);
        String where = texts.get("discovery.source." + d.source().name(), visible(d.origin()));
        if (d.signIn().method() == AuthMethod.OAUTH2) {
            // The token comes from the provider's sign-in, not from a test with an empty password.
            source.set(where + " " + texts.get("discovery.oauth", visible(d.signIn().oauthProvider())));
            return;
        }
        source.set(where);
        testConnection.run();
    }

    /** Where a discovery becomes the window's settings: the form (which Save turns into the account), and the IMAP server. */
    private void fill(Discovery d, String address) {
        form.showServer(d.smtp().host(), d.smtp().security(), d.smtp().port());
        form.auth.set(d.signIn().method());
        form.user.set(d.user());
        if (form.name.get().isBlank()) {
            form.name.set(address.substring(address.lastIndexOf('@') + 1));
        }
        imap.set(d.imap());
        form.imap.fill(d.imap(), d.smtp().host());
    }

    /** Text from the network shown safely: control characters as visible escapes, and not too long. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(300).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
