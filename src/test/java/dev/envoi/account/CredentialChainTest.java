package dev.envoi.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.MailAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialChainTest {

    @TempDir
    Path profile;

    private static Account withPassword() {
        return new Account("home", MailAddress.of("me@example.org"), "127.0.0.1", 2525, SmtpSecurity.NONE, "me",
                AuthMethod.PASSWORD, 0, true, false, false, "", false);
    }

    private CredentialChain chain(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put(CredentialChain.KEYRING_VARIABLE, "off");
        return CredentialChain.forProfile(profile, all);
    }

    @Test
    void storedSecretsComeBeforeTheEnvironmentVariable() throws Exception {
        CredentialChain chain = chain(Map.of(CredentialChain.PASSWORD_VARIABLE, "from the variable"));
        assertArrayEquals("from the variable".toCharArray(), chain.secretFor(withPassword()).orElseThrow());
        chain.storeFor(CredentialChoice.FILE).store(withPassword(), "from the file".toCharArray());
        assertArrayEquals("from the file".toCharArray(), chain.secretFor(withPassword()).orElseThrow());
        chain.session().store(withPassword(), "typed this session".toCharArray());
        assertArrayEquals("typed this session".toCharArray(), chain.secretFor(withPassword()).orElseThrow());
    }

    @Test
    void withTheKeyringOffTheDefaultIsToAskEachSessionAndNoFileIsWritten() throws Exception {
        CredentialChain chain = chain(Map.of());
        assertEquals(CredentialChoice.SESSION, chain.defaultChoice());
        assertThrows(CredentialException.class, () -> chain.storeFor(CredentialChoice.KEYRING));
        assertTrue(chain.secretFor(withPassword()).isEmpty());
        assertTrue(Files.notExists(profile.resolve(FileCredentials.FILE_NAME)));
    }

    @Test
    void forgetRemovesTheSecretEverywhere() throws Exception {
        CredentialChain chain = chain(Map.of());
        chain.storeFor(CredentialChoice.FILE).store(withPassword(), "pw".toCharArray());
        chain.session().store(withPassword(), "pw".toCharArray());
        chain.forget(withPassword());
        assertTrue(chain.secretFor(withPassword()).isEmpty());
    }

    @Test
    void anAccountWithoutLoginNeedsNoSecret() throws Exception {
        CredentialChain chain = chain(Map.of(CredentialChain.PASSWORD_VARIABLE, "x"));
        assertTrue(chain.secretFor(Accounts.loopback("open", 25)).isEmpty());
    }
}
