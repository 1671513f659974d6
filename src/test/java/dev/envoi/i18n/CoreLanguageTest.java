package dev.envoi.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.ByteSizes;
import dev.envoi.message.MailAddress;
import dev.envoi.store.AttachmentRejectedException;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.RandomText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core speaks the default locale of the moment: French when it is French, English otherwise. */
class CoreLanguageTest {

    @TempDir
    Path profile;
    @TempDir
    Path files;

    private static <T> T inFrench(Supplier<T> work) {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            return work.get();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aRefusedAttachmentIsNamedInTheLanguageOfTheMoment() throws Exception {
        Path missing = files.resolve("rapport.pdf");
        Path big = Files.writeString(files.resolve("grand.txt"), "x".repeat(2000));
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            store.settings().setAttachmentSizeLimit(1536);
            assertEquals("Cannot attach " + missing + ": there is no such file.",
                    assertThrows(AttachmentRejectedException.class, () -> store.importAttachment(missing)).getMessage());
            assertEquals("Impossible de joindre " + missing + " : ce fichier n’existe pas.", inFrench(() ->
                    assertThrows(AttachmentRejectedException.class, () -> store.importAttachment(missing)).getMessage()));
            assertEquals("Cannot attach " + big + ": it is larger than the limit of 1.5 KiB.",
                    assertThrows(AttachmentRejectedException.class, () -> store.importAttachment(big)).getMessage());
            assertEquals("Impossible de joindre " + big + " : il dépasse la limite de 1,5 Kio.", inFrench(() ->
                    assertThrows(AttachmentRejectedException.class, () -> store.importAttachment(big)).getMessage()));
        }
    }

    @Test
    void aStoreThatCannotOpenSaysWhyInFrench() throws Exception {
        Path file = Files.writeString(files.resolve("not-a-profile"), "text");
        String message = inFrench(() -> assertThrows(RuntimeException.class, () -> SqliteMessageStore.open(file))
                .getMessage());
        assertEquals(file + " est un fichier, pas un dossier de profil. Choisissez un dossier ; Envoi n’a pas touché "
                + "au fichier.", message);
    }

    @Test
    void anAccountSettingIsRefusedInTheLanguageOfTheMoment() {
        MailAddress emile = MailAddress.of("emile@example.org");
        Supplier<String> badPort = () -> assertThrows(IllegalArgumentException.class, () -> new Account("work", emile,
                "smtp.example.org", 70000, SmtpSecurity.TLS, "", AuthMethod.NONE, 0, true, false, false, "", false))
                .getMessage();
        // A port is a number written plainly, never "70,000".
        assertEquals("port: 70000 is not between 1 and 65535", badPort.get());
        assertEquals("port : 70000 n’est pas compris entre 1 et 65535", inFrench(badPort));
    }

    @Test
    void sizesReadAsTheLanguageWritesThem() {
        assertEquals("25,0 Mio", inFrench(() -> Sentences.size(25L * 1024 * 1024)));
        assertEquals("1000 octets", inFrench(() -> Sentences.size(1000)));
        RandomText random = RandomText.fromSystemSeed();
        for (int i = 0; i < 200; i++) {
            long bytes = random.random().nextLong(1L << (1 + random.random().nextInt(50)));
            // In English the core says a size exactly as it always did.
            assertEquals(ByteSizes.human(bytes), Sentences.size(bytes), "seed " + random.seed() + ", " + bytes);
        }
    }

    @Test
    void aLanguageWithoutBundlesGetsEnglishWithEnglishNumbers() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("25.0 MiB", Sentences.size(25L * 1024 * 1024));
        } finally {
            Locale.setDefault(before);
        }
    }
}
