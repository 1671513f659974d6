package dev.envoi.settings;

/** The accounts window's questions; the app shows dialogs, tests answer directly. */
@FunctionalInterface
public interface AccountsDialogs {

    boolean confirmRemove(String accountName);

    /** Trust exactly the certificate with this fingerprint for the account? No, unless a dialog says yes. */
    default boolean confirmTrust(String accountName, String host, String sha256) {
        return false;
    }
}
