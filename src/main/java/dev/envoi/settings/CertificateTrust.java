package dev.envoi.settings;

import dev.envoi.account.Account;
import dev.envoi.account.CertificateDetails;
import dev.envoi.i18n.VisibleText;
import dev.envoi.ui.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The part of the accounts window that trusts a certificate without the terminal: the certificate
 * the last connection test refused, offered with its details; trusting it (after one question)
 * pins exactly it and saves the account as the form describes it, which is what was tested; the
 * selected account's pinned certificate, and forgetting it.
 */
public final class CertificateTrust {

    private final AccountForm form;
    private final AccountsDialogs dialogs;
    private final Texts texts;
    private final Runnable save;
    private final ReadOnlyObjectWrapper<CertificateDetails> offered = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper offeredText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pinnedText = new ReadOnlyStringWrapper("");
    private String testedAccount = "";
    private String testedHost = "";

    CertificateTrust(AccountForm form, AccountsDialogs dialogs, Texts texts, Runnable save) {
        this.form = form;
        this.dialogs = dialogs;
        this.texts = texts;
        this.save = save;
    }

    /** The certificate the last test refused, or null. */
    public ReadOnlyObjectProperty<CertificateDetails> offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    /** Its subject, issuer, validity and fingerprint, one per line, control characters visible. */
    public ReadOnlyStringProperty offeredTextProperty() {
        return offeredText.getReadOnlyProperty();
    }

    /** What the selected account trusts besides the authorities, or "" when it pins nothing. */
    public ReadOnlyStringProperty pinnedTextProperty() {
        return pinnedText.getReadOnlyProperty();
    }

    /** A connection test of this account ended; it offers the certificate it refused, if any. */
    void tested(Account account, Optional<CertificateDetails> refused) {
        testedAccount = account.name();
        testedHost = account.host();
        offered.set(refused.orElse(null));
        offeredText.set(refused.map(this::describe).orElse(""));
    }

    /** Another account is shown: nothing is offered, and its own pin is shown. */
    void showing(Account account) {
        offered.set(null);
        offeredText.set("");
        String pin = account == null ? "" : account.pinnedCertificate();
        pinnedText.set(pin.isEmpty() ? "" : texts.get("certificate.pinned", VisibleText.of(pin)));
    }

    /** Asks once, then pins exactly the offered certificate and saves the account. */
    public void trust() {
        CertificateDetails certificate = offered.get();
        if (certificate == null || !dialogs.confirmTrust(testedAccount, testedHost, certificate.sha256())) {
            return;
        }
        form.pinCertificate(certificate.sha256());
        offered.set(null);
        offeredText.set("");
        save.run();
    }

    /** Trusts the account's server by its authorities only again, and saves the account. */
    public void forget() {
        form.pinCertificate("");
        save.run();
    }

    private String describe(CertificateDetails certificate) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(texts.locale()).withZone(ZoneId.systemDefault());
        return texts.get("certificate.details", VisibleText.of(certificate.subject()),
                VisibleText.of(certificate.issuer()), when.format(certificate.validFrom()),
                when.format(certificate.validUntil()), VisibleText.of(certificate.sha256()));
    }
}
