package dev.envoi.settings;

/** The accounts window's question; the app shows a dialog, tests answer directly. */
@FunctionalInterface
public interface AccountsDialogs {

    boolean confirmRemove(String accountName);
}
