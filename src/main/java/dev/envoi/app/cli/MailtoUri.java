package dev.envoi.app.cli;

import dev.envoi.message.AddressParser;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.ParsedAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A mailto: URI (RFC 6068): addresses before '?', then to, cc, bcc, subject and body fields,
 * percent-encoded UTF-8. Other header fields are ignored, as RFC 6068 advises for safety.
 */
public final class MailtoUri {

    private MailtoUri() {
    }

    public static boolean looksLikeMailto(String arg) {
        return arg.regionMatches(true, 0, "mailto:", 0, 7);
    }

    public static ComposeRequest parse(String uri) throws UsageException {
        String rest = uri.substring(7);
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        List<Recipient> recipients = new ArrayList<>(addresses(decode(path), RecipientType.TO));
        String subject = "";
        StringBuilder body = new StringBuilder();
        for (String field : query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = field.indexOf('=');
            String name = decode(equals < 0 ? field : field.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : decode(field.substring(equals + 1));
            switch (name) {
                case "to" -> recipients.addAll(addresses(value, RecipientType.TO));
                case "cc" -> recipients.addAll(addresses(value, RecipientType.CC));
                case "bcc" -> recipients.addAll(addresses(value, RecipientType.BCC));
                case "subject" -> subject = ComposeOptions.checkSubject("mailto subject", value);
                case "body" -> body.append(value.replace("\r\n", "\n"));
                default -> {
                    // RFC 6068 section 6: unknown or unsafe header fields are not applied.
                }
            }
        }
        return new ComposeRequest(Optional.empty(), recipients, subject, body.toString(), List.of(),
                DeliveryRequests.NONE, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static List<Recipient> addresses(String list, RecipientType type) throws UsageException {
        List<Recipient> result = new ArrayList<>();
        for (ParsedAddress item : AddressParser.parseList(list)) {
            result.add(new Recipient(type, ComposeOptions.valid("mailto " + type.name().toLowerCase(Locale.ROOT), item)));
        }
        return result;
    }

    /** Percent-decoding of UTF-8 octets; '+' stays '+' (RFC 6068 is not form encoding). */
    static String decode(String text) throws UsageException {
        try {
            return PercentEncoding.decode(text, "mailto");
        } catch (PercentEncoding.MalformedEscapeException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
