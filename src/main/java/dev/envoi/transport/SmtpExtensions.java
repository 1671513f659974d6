package dev.envoi.transport;

import dev.envoi.account.Account;
import dev.envoi.i18n.Sentences;
import dev.envoi.message.MailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What Envoi does with the server's EHLO extensions that Angus leaves undone: SIZE (RFC 1870)
 * checked before any data and declared in MAIL FROM, SMTPUTF8 (RFC 6531) required for
 * internationalised addresses, BODY=8BITMIME declared (RFC 6152), and the DSN parameters.
 */
final class SmtpExtensions {

    private static final Sentences WORDS = Sentences.of(SmtpExtensions.class);

    private SmtpExtensions() {
    }

    static void checkInternationalAddresses(SmtpConnection smtp, Account account, MailAddress from,
                                            List<MailAddress> envelope)
            throws PermanentFailureException {
        if (smtp.offers("SMTPUTF8")) {
            return;
        }
        List<MailAddress> international = envelope.stream().filter(MailAddress::needsUtf8).toList();
        if (from.needsUtf8() || !international.isEmpty()) {
            List<String> names = new ArrayList<>();
            if (from.needsUtf8()) {
                names.add(WORDS.get("utf8.sender", from.address()));
            }
            international.forEach(a -> names.add(a.address()));
            throw new PermanentFailureException(WORDS.get("utf8.needed", String.join(", ", names), names.size(),
                    SmtpFailures.where(account)), international, null);
        }
    }

    /**
     * The server's SIZE limit (RFC 1870) and the account's own are checked before any data is sent.
     * The exact size is counted only when there is a limit (counting reads every attachment once).
     *
     * @return the counted size, or 0 when there was no limit to count for
     */
    static long checkSize(SmtpConnection smtp, Account account, MimeMessage mime) throws TransferException {
        long serverLimit = serverSizeLimit(smtp);
        long accountLimit = account.sizeLimit();
        if (serverLimit <= 0 && accountLimit <= 0) {
            return 0;
        }
        long size = countBytes(mime);
        if (serverLimit > 0 && size > serverLimit) {
            throw new PermanentFailureException(WORDS.get("size.overServerLimit", describeSize(size),
                    SmtpFailures.where(account), describeSize(serverLimit)));
        }
        if (accountLimit > 0 && size > accountLimit) {
            throw new PermanentFailureException(WORDS.get("size.overAccountLimit", describeSize(size), account.name(),
                    describeSize(accountLimit)));
        }
        return size;
    }

    private static long serverSizeLimit(SmtpConnection smtp) {
        if (!smtp.supportsExtension("SIZE")) {
            return 0;
        }
        String value = smtp.getExtensionParameter("SIZE");
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String describeSize(long bytes) {
        return WORDS.get("size.exact", Sentences.size(bytes), bytes);
    }

    private static long countBytes(MimeMessage mime) throws TransferException {
        CountingStream counter = new CountingStream();
        try {
            mime.writeTo(counter);
            return counter.count;
        } catch (IOException | MessagingException e) {
            throw new TransientFailureException(WORDS.get("size.unmeasurable", SmtpFailures.rootMessage(e)), e);
        }
    }

    /** RFC 3461 options and the declared size go into MAIL FROM and RCPT TO through session properties. */
    static void prepareEnvelope(SmtpConnection smtp, DeliveryOptions options, long size) {
        var properties = smtp.session().getProperties();
        setOrRemove(properties, "mail.smtp.dsn.notify", options.notifyParameter());
        setOrRemove(properties, "mail.smtp.dsn.ret", options.returnParameter());
        List<String> parameters = new ArrayList<>();
        if (size > 0 && smtp.supportsExtension("SIZE")) {
            parameters.add("SIZE=" + size);
        }
        if (smtp.supportsExtension("8BITMIME")) {
            // RFC 6152: said in MAIL FROM, which Angus does not do. The body Envoi sends is 7bit
            // (SmtpSessions), but headers in UTF-8 (SMTPUTF8) are 8bit all the same.
            parameters.add("BODY=8BITMIME");
        }
        setOrRemove(properties, "mail.smtp.mailextension", parameters.isEmpty() ? null : String.join(" ", parameters));
    }

    private static void setOrRemove(Properties properties, String key, String value) {
        if (value == null) {
            properties.remove(key);
        } else {
            properties.setProperty(key, value);
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
