package dev.envoi.compose;

import dev.envoi.account.WritingSettings;
import dev.envoi.account.WritingSettingsRepository;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The account's "plain text only" default on the message's own choice: a new message starts with
 * the chosen account's default, and changing From follows the new account's until the choice is
 * made otherwise (by the user, or by a draft opened with its own): then it stays.
 */
public final class PlainTextDefault {

    private final MessageViewModel model;
    /** By account name; touched on the UI thread only. */
    private final Map<String, Boolean> defaults = new HashMap<>();
    private boolean loaded;
    /** True while this class sets the choice; any other change is the user's (or a draft's). */
    private boolean applying;
    private boolean chosen;

    private PlainTextDefault(MessageViewModel model) {
        this.model = model;
    }

    /** Reads the defaults off the FX thread, then applies them to the new message and follows From. */
    public static PlainTextDefault attach(MessageViewModel model, WritingSettingsRepository settings,
                                          Executor background, Executor ui) {
        PlainTextDefault follower = new PlainTextDefault(model);
        List<String> accounts = model.senders().stream().map(Sender::account).flatMap(Optional::stream).distinct()
                .toList();
        BackgroundTask.of("read the accounts' plain-text defaults", () -> {
            Map<String, Boolean> read = new HashMap<>();
            accounts.forEach(a -> read.put(a, settings.forAccount(a).plainTextOnly()));
            return read;
        }).onSuccess(follower::loaded)
                // Unread, formatting allowed, as for an account without the setting.
                .onFailure(failure -> follower.loaded(Map.of()))
                .executeWith(new TaskExecutor(background, ui));
        model.senderProperty().addListener((o, was, now) -> follower.senderChanged(now));
        model.plainTextOnlyProperty().addListener((o, was, now) -> follower.chosen |= !follower.applying);
        return follower;
    }

    /** True once the defaults have been read (tests wait for it). */
    boolean ready() {
        return loaded;
    }

    private void loaded(Map<String, Boolean> read) {
        defaults.putAll(read);
        loaded = true;
        if (model.draftHandle().isEmpty()) {
            senderChanged(model.senderProperty().get());
        }
    }

    private void senderChanged(Sender now) {
        if (loaded && !chosen && model.editingProperty().get()) {
            applying = true;
            model.plainTextOnlyProperty().set(defaultOf(now));
            applying = false;
        }
    }

    private boolean defaultOf(Sender sender) {
        if (sender == null || sender.account().isEmpty()) {
            return WritingSettings.DEFAULT.plainTextOnly();
        }
        return defaults.getOrDefault(sender.account().get(), false);
    }
}
