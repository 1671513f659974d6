package dev.envoi.outbox;

import dev.envoi.store.MessageStore;
import dev.envoi.store.SentRetention;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Sent tab's "Keep in Sent" setting (issue 21), as `envoi keep-sent`: all messages, those of the
 * last N days, or the last N. Applying a choice that deletes messages asks first and says how many;
 * nothing is deleted until the user agrees. Store work on the background executor.
 */
public final class SentRetentionModel {

    /** What a new choice of days or messages starts at: a month, and a year's mail of a light user. */
    static final int FIRST_DAYS = 30;
    static final int FIRST_MESSAGES = 1000;

    private final MessageStore store;
    private final OutboxDialogs dialogs;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final ObjectProperty<SentRetention.Keep> keep = new SimpleObjectProperty<>(SentRetention.Keep.ALL);
    private final IntegerProperty amount = new SimpleIntegerProperty(FIRST_DAYS);
    private final ObjectProperty<SentRetention> saved = new SimpleObjectProperty<>(null);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding canApply;

    public SentRetentionModel(OutboxContext context, OutboxDialogs dialogs, Texts texts) {
        this.store = context.store();
        this.dialogs = dialogs;
        this.tasks = new TaskExecutor(context.background(), context.ui());
        this.texts = texts;
        this.canApply = Bindings.createBooleanBinding(() -> saved.get() != null && !chosen().equals(saved.get()),
                keep, amount, saved);
        keep.addListener((o, was, now) -> {
            if (now == SentRetention.Keep.DAYS && was != now) {
                amount.set(FIRST_DAYS);
            } else if (now == SentRetention.Keep.MESSAGES && was != now) {
                amount.set(FIRST_MESSAGES);
            }
        });
    }

    /** All, days or messages; the window's choice box. */
    public ObjectProperty<SentRetention.Keep> keepProperty() {
        return keep;
    }

    /** How many days or messages; ignored when all are kept. */
    public IntegerProperty amountProperty() {
        return amount;
    }

    /** True when the choice differs from the profile's setting (and the setting has been read). */
    public BooleanBinding canApply() {
        return canApply;
    }

    /** What the last change did, or why it could not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Reads the profile's setting into the choice. */
    public void start() {
        BackgroundTask.of("read the Sent retention setting", () -> store.settings().sentRetention())
                .onSuccess(this::show)
                .onFailure(failure -> status.set(texts.get("retention.error.read", BackgroundTask.messageOf(failure))))
                .executeWith(tasks);
    }

    /** Saves the choice and applies it at once, after asking when it deletes messages. */
    public void apply() {
        SentRetention chosen = chosen();
        BackgroundTask.of("count the sent messages a retention deletes", () -> store.countSentBeyond(chosen))
                .onSuccess(count -> {
                    if (count == 0 || dialogs.confirmDeleteOldSent(count, describe(chosen))) {
                        save(chosen);
                    }
                })
                .onFailure(failure -> status.set(BackgroundTask.messageOf(failure)))
                .executeWith(tasks);
    }

    private void save(SentRetention chosen) {
        BackgroundTask.of("keep " + chosen + " in Sent", () -> {
            store.settings().setSentRetention(chosen);
            return store.applySentRetention();
        }).onSuccess(removed -> {
            saved.set(chosen);
            status.set(texts.get("retention.applied", describe(chosen), removed));
        }).onFailure(failure -> status.set(BackgroundTask.messageOf(failure))).executeWith(tasks);
    }

    private void show(SentRetention retention) {
        keep.set(retention.keep());
        if (retention.keep() != SentRetention.Keep.ALL) {
            amount.set(retention.amount());
        }
        saved.set(retention);
    }

    private SentRetention chosen() {
        return switch (keep.get()) {
            case ALL -> SentRetention.KEEP_ALL;
            case DAYS -> SentRetention.days(Math.max(1, amount.get()));
            case MESSAGES -> SentRetention.messages(Math.max(1, amount.get()));
        };
    }

    /** "all sent messages", "the messages of the last 30 days", "the last 1,000 messages". */
    String describe(SentRetention retention) {
        return texts.get("retention.describe." + retention.keep().name().toLowerCase(java.util.Locale.ROOT),
                retention.amount());
    }
}
