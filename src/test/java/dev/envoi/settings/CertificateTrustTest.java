package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CertificateDetails;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.ui.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The certificate part of the accounts window without a window: what it shows, and what Trust pins. */
class CertificateTrustTest {

    private static final String SHA = "AB:".repeat(31) + "CD";
    private final List<String> asked = new ArrayList<>();
    private int saves;

    private CertificateTrust trust(AccountForm form, boolean answer, Locale locale) {
        AccountsDialogs dialogs = new AccountsDialogs() {
            @Override
            public boolean confirmRemove(String accountName) {
                return false;
            }

            @Override
            public boolean confirmTrust(String accountName, String host, String sha256) {
                asked.add(accountName + " " + host + " " + sha256);
                return answer;
            }
        };
        return new CertificateTrust(form, dialogs, Texts.of(AccountsWindow.class, locale), () -> saves++);
    }

    private static Account account(String pin) {
        return new Account("home", MailAddress.of("me@example.org"), "mail.example.org", 465, SmtpSecurity.TLS, "",
                AuthMethod.NONE, 0, true, false, false, pin, false);
    }

    private static CertificateDetails hostile() {
        return new CertificateDetails("CN=mail.example.org\u0007\u202Egro.elpmaxe", "CN=Home\nCA",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), SHA);
    }

    @Test
    void theRefusedCertificateIsShownWithItsControlCharactersVisible() {
        CertificateTrust trust = trust(new AccountForm(), false, Locale.ENGLISH);
        trust.tested(account(""), Optional.of(hostile()));
        String shown = trust.offeredTextProperty().get();
        assertTrue(shown.contains("Issued to: CN=mail.example.org\\x07\\u202egro.elpmaxe"), shown);
        assertTrue(shown.contains("Issued by: CN=Home\\x0aCA"), shown);
        assertTrue(shown.contains("Valid from ") && shown.contains("2026") && shown.contains("2027"), shown);
        assertTrue(shown.contains("SHA-256 fingerprint: " + SHA), shown);
        assertFalse(shown.contains("\u0007") || shown.contains("\u202E"), "nothing invisible is left");

        CertificateTrust french = trust(new AccountForm(), false, Locale.FRENCH);
        french.tested(account(""), Optional.of(hostile()));
        assertTrue(french.offeredTextProperty().get().contains("Délivré à : "), french.offeredTextProperty().get());
    }

    @Test
    void trustAsksOnceThenPinsExactlyItAndSaves() throws Exception {
        AccountForm form = new AccountForm();
        form.load(account(""));
        CertificateTrust trust = trust(form, true, Locale.ENGLISH);
        trust.tested(account(""), Optional.of(hostile()));
        trust.trust();
        assertEquals(List.of("home mail.example.org " + SHA), asked);
        assertEquals(1, saves);
        assertEquals(SHA, form.toAccount(Texts.of(AccountsWindow.class, Locale.ENGLISH)).pinnedCertificate());
        assertNull(trust.offeredProperty().get(), "offered no more");
    }

    @Test
    void noMeansNothingIsPinnedAndAPinCanBeForgotten() throws Exception {
        AccountForm form = new AccountForm();
        form.load(account(""));
        CertificateTrust trust = trust(form, false, Locale.ENGLISH);
        trust.tested(account(""), Optional.of(hostile()));
        trust.trust();
        assertEquals(0, saves);
        assertEquals("", form.toAccount(Texts.of(AccountsWindow.class, Locale.ENGLISH)).pinnedCertificate());

        form.load(account(SHA));
        trust.showing(account(SHA));
        assertTrue(trust.pinnedTextProperty().get().contains(SHA), trust.pinnedTextProperty().get());
        trust.forget();
        assertEquals(1, saves);
        assertEquals("", form.toAccount(Texts.of(AccountsWindow.class, Locale.ENGLISH)).pinnedCertificate());
    }
}
