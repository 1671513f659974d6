package dev.envoi.compose;

import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettingsRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;

/**
 * Puts the chosen account's signature below a new message, and swaps it when From changes, as long
 * as the user has not edited it: the body must still end with the old account's signature exactly,
 * or it is the user's text and stays as it is. A reopened draft keeps its body; only a From change
 * swaps its signature, by the same rule.
 * <p>
 * The signatures are read from the store once, off the FX thread, and again when accounts are added
 * to the From list; everything else happens on the UI thread.
 */
public final class SignatureSwap {

    private final ComposeViewModel model;
    private final WritingSettingsRepository settings;
    private final Executor background;
    private final Executor ui;
    /** By account name; touched on the UI thread only. */
    private final Map<String, Signature> signatures = new HashMap<>();
    private boolean loaded;

    private SignatureSwap(ComposeViewModel model, WritingSettingsRepository settings, Executor background,
                          Executor ui) {
        this.model = model;
        this.settings = settings;
        this.background = background;
        this.ui = ui;
    }

    /** Starts reading the signatures, then signs the new message and follows its From. */
    public static SignatureSwap attach(ComposeViewModel model, WritingSettingsRepository settings,
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
        background.execute(() -> {
            Map<String, Signature> read = new HashMap<>();
            try {
                accounts.forEach(a -> read.put(a, settings.forAccount(a).signature()));
            } catch (RuntimeException e) {
                // No signature is better than no window: the message is written without one.
            }
            ui.execute(() -> {
                signatures.putAll(read);
                loaded = true;
                if (first) {
                    signNewMessage();
                }
            });
        });
    }

    /** A new message (no draft behind it) gets the sender's signature below whatever it holds. */
    private void signNewMessage() {
        if (model.draftHandle().isPresent() || !model.editingProperty().get()) {
            return;
        }
        String block = blockOf(model.senderProperty().get());
        String body = model.bodyProperty().get();
        if (!block.isEmpty() && !body.endsWith(block)) {
            model.replaceBodyQuietly(SignatureBlock.appendTo(body, block));
        }
    }

    private void senderChanged(Sender was, Sender now) {
        if (!loaded || !model.editingProperty().get()) {
            return;
        }
        String oldBlock = blockOf(was);
        String newBlock = blockOf(now);
        String body = model.bodyProperty().get();
        if (oldBlock.equals(newBlock) || (!oldBlock.isEmpty() && !body.endsWith(oldBlock))) {
            return; // the same signature, or one the user changed: theirs now
        }
        String text = body.substring(0, body.length() - oldBlock.length());
        model.replaceBodyQuietly(SignatureBlock.appendTo(text, newBlock));
    }

    private String blockOf(Sender sender) {
        if (sender == null || sender.account().isEmpty()) {
            return "";
        }
        return SignatureBlock.of(signatures.getOrDefault(sender.account().get(), Signature.NONE));
    }
}
