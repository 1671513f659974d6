package dev.envoi.compose;

import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettingsRepository;
import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.richtext.HtmlReader;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;

/**
 * Puts the chosen account's signature below a new message, and swaps it when From changes, as long
 * as the user has not edited it: the body must still end with the old account's signature word for
 * word, or it is the user's text and stays as it is. A reopened draft keeps its body; only a From
 * change swaps its signature, by the same rule. The text above keeps its formatting.
 * <p>
 * The signatures are read from the store off the FX thread, once and again when accounts join the
 * From list; everything else happens on the UI thread.
 */
public final class SignatureSwap {

    private final MessageViewModel model;
    private final WritingSettingsRepository settings;
    private final TaskExecutor tasks;
    /** By account name; touched on the UI thread only. */
    private final Map<String, Signature> signatures = new HashMap<>();
    private boolean loaded;

    private SignatureSwap(MessageViewModel model, WritingSettingsRepository settings, Executor background,
                          Executor ui) {
        this.model = model;
        this.settings = settings;
        this.tasks = new TaskExecutor(background, ui);
    }

    /** Starts reading the signatures, then signs the new message and follows its From. */
    public static SignatureSwap attach(MessageViewModel model, WritingSettingsRepository settings,
                                       Executor background, Executor ui) {
        SignatureSwap swap = new SignatureSwap(model, settings, background, ui);
        model.senderProperty().addListener((o, was, now) -> swap.senderChanged(was, now));
        model.senders().addListener((ListChangeListener<Sender>) c -> swap.read(false));
        swap.read(true);
        return swap;
    }

    /** True once the signatures have been read (tests wait for it). */
    boolean ready() {
        return loaded;
    }

    private void read(boolean first) {
        List<String> accounts = model.senders().stream().map(Sender::account).flatMap(Optional::stream).distinct()
                .toList();
        BackgroundTask.of("read the accounts' signatures", () -> {
            Map<String, Signature> read = new HashMap<>();
            accounts.forEach(a -> read.put(a, settings.forAccount(a).signature()));
            return read;
        }).onSuccess(signatures::putAll)
                // Unread, no signature: better than no window; the message is written without one.
                .onFailure(failure -> { })
                .onFinished(() -> {
                    loaded = true;
                    if (first) {
                        signNewMessage();
                    }
                })
                .executeWith(tasks);
    }

    /** A new message (no draft behind it) gets the sender's signature below whatever it holds. */
    private void signNewMessage() {
        if (model.draftHandle().isPresent() || !model.editingProperty().get()) {
            return;
        }
        List<Block> signature = blocksOf(model.senderProperty().get());
        RichDocument body = body();
        if (!signature.isEmpty() && !SignatureBlock.endsWith(body, signature)) {
            show(SignatureBlock.replaceEnd(body, 0, signature));
        }
    }

    private void senderChanged(Sender was, Sender now) {
        if (!loaded || !model.editingProperty().get()) {
            return;
        }
        List<Block> before = blocksOf(was);
        List<Block> after = blocksOf(now);
        RichDocument body = body();
        if (before.equals(after) || !SignatureBlock.endsWith(body, before)) {
            return; // the same signature, or one the user changed: theirs now
        }
        show(SignatureBlock.replaceEnd(body, before.size(), after));
    }

    private RichDocument body() {
        // The editor writes the HTML after a pause in typing: what it shows now is what is swapped.
        String html = model.bodyHtmlNow();
        return html.isEmpty() ? RichDocument.ofPlain(model.bodyProperty().get()) : HtmlReader.readStored(html);
    }

    private void show(RichDocument body) {
        model.replaceBodyQuietly(body.plainText(), body.hasFormatting() ? HtmlWriter.fragment(body) : "");
    }

    private List<Block> blocksOf(Sender sender) {
        if (sender == null || sender.account().isEmpty()) {
            return List.of();
        }
        return SignatureBlock.of(signatures.getOrDefault(sender.account().get(), Signature.NONE));
    }
}
