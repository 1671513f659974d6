package dev.envoi.account;

import java.util.Optional;

/** The sign-in settings of the profile's OAuth accounts, by account name. */
public interface OAuthSettingsRepository {

    Optional<OAuthSettings> find(String accountName);

    void put(OAuthSettings settings);

    boolean remove(String accountName);
}
