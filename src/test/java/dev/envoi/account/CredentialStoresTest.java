package dev.envoi.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoresTest {

    @TempDir
    Path profile;

    @Test
    void theFileStoreKeepsSecretsInAnOwnerOnlyFile() throws Exception {
        Account account = Accounts.loopback("home", 2525);
        FileCredentials store = new FileCredentials(profile);
        store.store(account, "s3cret=with:odd chars é".toCharArray());
        assertArrayEquals("s3cret=with:odd chars é".toCharArray(), new FileCredentials(profile).secretFor(account).orElseThrow());
        Path file = profile.resolve(FileCredentials.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        store.delete(account);
        assertTrue(store.secretFor(account).isEmpty());
    }

    @Test
    void theSessionStoreForgetsOnDelete() {
        Account account = Accounts.loopback("home", 2525);
        SessionCredentials store = new SessionCredentials();
        store.store(account, "pw".toCharArray());
        assertArrayEquals("pw".toCharArray(), store.secretFor(account).orElseThrow());
        store.delete(account);
        assertTrue(store.secretFor(account).isEmpty());
    }

    @Test
    void theKeyringIsUsedWhenTheSystemHasOne() throws Exception {
        var keyring = KeyringCredentials.system();
        org.junit.jupiter.api.Assumptions.assumeTrue(keyring.isPresent(),
                "this machine has no system keyring (no Secret Service on the session bus)");
        Account account = Accounts.loopback("keyring-test", 2525);
        keyring.get().store(account, "from the keyring".toCharArray());
        assertArrayEquals("from the keyring".toCharArray(), keyring.get().secretFor(account).orElseThrow());
        keyring.get().delete(account);
    }
}
