package dev.envoi.app.instance;

import dev.envoi.app.cli.ComposeOptions;
import dev.envoi.app.cli.ComposeRequest;
import dev.envoi.app.cli.PercentEncoding;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.UsageException;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The text form in which a second launch hands its window request to the running Envoi: a first
 * line naming the form and its version, then one {@code field value} line per item, each value
 * percent-encoded so it holds no space or line break:
 *
 * <pre>
 * envoi-window 1
 * open compose
 * to Jane%20Doe jane@example.org      (display name, may be empty: "to  jane@example.org")
 * subject Quarterly%20report
 * attach /home/jane/report.pdf        (absolute paths only)
 * </pre>
 *
 * Decoding is strict: an unknown field, a repeated single field, a bad address, a relative path
 * or a stray byte refuses the whole request, with a reason that names the line.
 */
final class WindowRequestText {

    static final String FIRST_LINE = "envoi-window 1";
    static final int MAX_ITEMS = 10_000;
    private static final Set<String> SINGLE = Set.of("open", "from", "subject", "body");

    private WindowRequestText() {
    }

    static String encode(WindowRequest request) {
        StringBuilder out = new StringBuilder(FIRST_LINE).append('\n');
        out.append("open ").append(request.outbox() ? "outbox" : "compose").append('\n');
        ComposeRequest compose = request.compose();
        compose.from().ifPresent(from -> line(out, "from", address(from)));
        for (Recipient recipient : compose.recipients()) {
            line(out, recipient.type().name().toLowerCase(Locale.ROOT), address(recipient.address()));
        }
        if (!compose.subject().isEmpty()) {
            line(out, "subject", PercentEncoding.encode(compose.subject()));
        }
        if (!compose.body().isEmpty()) {
            line(out, "body", PercentEncoding.encode(compose.body()));
        }
        for (Path file : compose.attachments()) {
            line(out, "attach", PercentEncoding.encode(file.toAbsolutePath().toString()));
        }
        if (compose.deliveryRequests().notifyDelivery()) {
            line(out, "ask", "delivery-report");
        }
        if (compose.deliveryRequests().readReceipt()) {
            line(out, "ask", "read-receipt");
        }
        return out.toString();
    }

    private static String address(MailAddress address) {
        return PercentEncoding.encode(address.displayName()) + " " + PercentEncoding.encode(address.address());
    }

    private static void line(StringBuilder out, String field, String value) {
        out.append(field).append(' ').append(value).append('\n');
    }

    static WindowRequest decode(String text) throws MalformedRequestException {
        if (!text.endsWith("\n")) {
            throw new MalformedRequestException("the request does not end with a line break (cut off?)");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (!lines[0].equals(FIRST_LINE)) {
            throw new MalformedRequestException("line 1: \"" + Printable.of(lines[0]) + "\" is not \"" + FIRST_LINE
                    + "\" (another version of Envoi?)");
        }
        if (lines.length > MAX_ITEMS) {
            throw new MalformedRequestException("more than " + MAX_ITEMS + " lines");
        }
        Fields fields = new Fields();
        for (int i = 1; i < lines.length; i++) {
            fields.read(i + 1, lines[i]);
        }
        return fields.request();
    }

    /** The fields read so far, checked one line at a time. */
    private static final class Fields {
        private final Set<String> seen = new HashSet<>();
        private String open;
        private Optional<MailAddress> from = Optional.empty();
        private final List<Recipient> recipients = new ArrayList<>();
        private String subject = "";
        private String body = "";
        private final List<Path> attachments = new ArrayList<>();
        private DeliveryRequests delivery = DeliveryRequests.NONE;

        /** A delivery report or a read receipt the message asks for. */
        private DeliveryRequests ask(String where, String value) throws MalformedRequestException {
            return switch (value) {
                case "delivery-report" -> delivery.withNotifyDelivery(true);
                case "read-receipt" -> delivery.withReadReceipt(true);
                default -> throw new MalformedRequestException(where + ": \"" + Printable.of(value)
                        + "\" is not delivery-report or read-receipt");
            };
        }

        void read(int number, String line) throws MalformedRequestException {
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new MalformedRequestException("line " + number + ": \"" + Printable.of(line)
                        + "\" is not a field and a value");
            }
            String field = line.substring(0, space);
            String value = line.substring(space + 1);
            String where = "line " + number + " (" + Printable.of(field) + ")";
            if (SINGLE.contains(field) && !seen.add(field)) {
                throw new MalformedRequestException(where + ": given twice");
            }
            switch (field) {
                case "open" -> open = open(where, value);
                case "from" -> from = Optional.of(address(where, value));
                case "to" -> recipients.add(new Recipient(RecipientType.TO, address(where, value)));
                case "cc" -> recipients.add(new Recipient(RecipientType.CC, address(where, value)));
                case "bcc" -> recipients.add(new Recipient(RecipientType.BCC, address(where, value)));
                case "subject" -> subject = subject(where, value);
                case "body" -> body = decode(where, value);
                case "attach" -> attachments.add(path(where, value));
                case "ask" -> delivery = ask(where, value);
                default -> throw new MalformedRequestException(where + ": not a field Envoi knows");
            }
        }

        WindowRequest request() throws MalformedRequestException {
            if (open == null) {
                throw new MalformedRequestException("no \"open\" line: which window?");
            }
            ComposeRequest compose = new ComposeRequest(from, recipients, subject, body, attachments, delivery,
                    Optional.empty(), Optional.empty(), Optional.empty());
            if (open.equals("outbox")) {
                if (!compose.isEmpty()) {
                    throw new MalformedRequestException("the outbox takes no message fields");
                }
                return WindowRequest.outboxWindow();
            }
            return WindowRequest.compose(compose);
        }
    }

    private static String open(String where, String value) throws MalformedRequestException {
        if (!value.equals("compose") && !value.equals("outbox")) {
            throw new MalformedRequestException(where + ": \"" + Printable.of(value) + "\" is not compose or outbox");
        }
        return value;
    }

    private static MailAddress address(String where, String value) throws MalformedRequestException {
        int space = value.indexOf(' ');
        if (space < 0) {
            throw new MalformedRequestException(where + ": a display name and an address are expected");
        }
        String name = decode(where, value.substring(0, space));
        String address = decode(where, value.substring(space + 1));
        try {
            return MailAddress.entered(name, address);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException(where + ": " + e.getMessage());
        }
    }

    private static String subject(String where, String value) throws MalformedRequestException {
        String subject = decode(where, value);
        try {
            return ComposeOptions.checkSubject(where, subject);
        } catch (UsageException e) {
            throw new MalformedRequestException(e.getMessage());
        }
    }

    private static Path path(String where, String value) throws MalformedRequestException {
        String text = decode(where, value);
        try {
            Path path = Path.of(text);
            if (!path.isAbsolute()) {
                throw new MalformedRequestException(where + ": \"" + Printable.of(text) + "\" is not an absolute path");
            }
            return path;
        } catch (InvalidPathException e) {
            throw new MalformedRequestException(where + ": \"" + Printable.of(text) + "\" is not a path");
        }
    }

    private static String decode(String where, String value) throws MalformedRequestException {
        if (value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new MalformedRequestException(where + ": a space or control character that is not %-escaped");
        }
        try {
            return PercentEncoding.decode(value, where);
        } catch (PercentEncoding.MalformedEscapeException e) {
            throw new MalformedRequestException(e.getMessage());
        }
    }
}
