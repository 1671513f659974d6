package dev.envoi.settings;

import dev.envoi.i18n.VisibleText;
import dev.envoi.ui.Confirmation;
import dev.envoi.ui.Texts;
import javafx.stage.Window;

/** The accounts window's question as a dialog over it. */
public final class FxAccountsDialogs implements AccountsDialogs {

    private final Window owner;
    private final Texts texts = Texts.of(FxAccountsDialogs.class);

    public FxAccountsDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmRemove(String accountName) {
        return Confirmation.ask(owner, texts.get("confirm.remove.header", accountName),
                texts.get("confirm.remove.content"), texts.get("confirm.remove.yes"), texts.get("confirm.no"));
    }

    @Override
    public boolean confirmTrust(String accountName, String host, String sha256) {
        return Confirmation.ask(owner, texts.get("confirm.trust.header", accountName),
                texts.get("confirm.trust.content", VisibleText.of(host), sha256), texts.get("confirm.trust.yes"),
                texts.get("confirm.no"));
    }
}
