package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.envoi.account.Accounts;
import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWritingSettingsTest {

    @TempDir
    Path profile;

    @Test
    void signaturesAndThePlainTextDefaultAreKeptWithTheAccount() {
        WritingSettings work = new WritingSettings(new Signature("<p><b>Émile</b> Envoi</p>", Signature.Format.HTML), true);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            store.accounts().put(Accounts.loopback("work", 2525));
            store.accounts().put(Accounts.loopback("home", 2526));
            assertEquals(WritingSettings.DEFAULT, store.writingSettings().forAccount("work"), "none set: the default");
            store.writingSettings().put("work", work);
            store.writingSettings().put("home", new WritingSettings(Signature.plain("Émile\r\n06 12 34 56 78\n\n"), false));
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals(work, store.writingSettings().forAccount("work"));
            assertEquals(Signature.plain("Émile\n06 12 34 56 78"), store.writingSettings().forAccount("home").signature());
            store.accounts().remove("work");
            assertEquals(WritingSettings.DEFAULT, store.writingSettings().forAccount("work"), "gone with its account");
            assertFalse(store.writingSettings().remove("work"));
        }
    }
}
