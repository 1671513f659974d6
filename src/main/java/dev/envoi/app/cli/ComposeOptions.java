package dev.envoi.app.cli;

import dev.envoi.message.AddressParser;
import dev.envoi.message.ByteSizes;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.MailAddress;
import dev.envoi.message.TextControls;
import dev.envoi.message.ParsedAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.store.StoreSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the compose options of `envoi` and `envoi send` into a checked {@link ComposeRequest}. */
public final class ComposeOptions {

    public static final Map<String, ParsedArgs.Arity> OPTIONS = Map.ofEntries(
            Map.entry("profile", ParsedArgs.Arity.VALUE), Map.entry("from", ParsedArgs.Arity.VALUE),
            Map.entry("to", ParsedArgs.Arity.VALUE), Map.entry("cc", ParsedArgs.Arity.VALUE),
            Map.entry("bcc", ParsedArgs.Arity.VALUE), Map.entry("subject", ParsedArgs.Arity.VALUE),
            Map.entry("body", ParsedArgs.Arity.VALUE), Map.entry("body-file", ParsedArgs.Arity.VALUE),
            Map.entry("attach", ParsedArgs.Arity.VALUES), Map.entry("account", ParsedArgs.Arity.VALUE),
            Map.entry("undo-seconds", ParsedArgs.Arity.VALUE), Map.entry("send-at", ParsedArgs.Arity.VALUE),
            Map.entry("wait", ParsedArgs.Arity.OPTIONAL_VALUE), Map.entry("debug", ParsedArgs.Arity.FLAG),
            Map.entry("notify-delivery", ParsedArgs.Arity.FLAG), Map.entry("read-receipt", ParsedArgs.Arity.FLAG));
    public static final Set<String> REPEATABLE = Set.of("to", "cc", "bcc", "attach");
    private static final int MAX_SUBJECT = 998;
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** 9999-12-31T23:59:59Z, not parsed: DateTimeFormatter's set-up would delay every window start (issue 21). */
    private static final Instant LATEST_SEND_AT = Instant.ofEpochSecond(253_402_300_799L);

    private final Clock clock;

    public ComposeOptions(Clock clock) {
        this.clock = clock;
    }

    public ComposeRequest read(ParsedArgs args, ComposeRequest base) throws UsageException {
        List<Recipient> recipients = new ArrayList<>(base.recipients());
        recipients.addAll(recipients(args, "to", RecipientType.TO));
        recipients.addAll(recipients(args, "cc", RecipientType.CC));
        recipients.addAll(recipients(args, "bcc", RecipientType.BCC));
        Optional<MailAddress> from = args.value("from").isPresent() ? Optional.of(single("from", args.value("from").get()))
                : base.from();
        String subject = args.value("subject").isPresent() ? checkSubject("--subject", args.value("subject").get())
                : base.subject();
        String body = body(args).orElse(base.body());
        List<Path> attachments = new ArrayList<>(base.attachments());
        for (String file : args.values("attach")) {
            attachments.add(attachment(file));
        }
        Optional<Duration> undo = undo(args);
        Optional<Instant> sendAt = sendAt(args);
        if (undo.isPresent() && sendAt.isPresent()) {
            throw new UsageException("--undo-seconds and --send-at cannot be used together");
        }
        Optional<String> account = args.value("account");
        if (account.isPresent() && account.get().isBlank()) {
            throw new UsageException("--account needs an account name");
        }
        // Only flags ask these: a mailto: link has no field for them (RFC 6068).
        DeliveryRequests requests = new DeliveryRequests(args.has("notify-delivery"), args.has("read-receipt"));
        return new ComposeRequest(from, recipients, subject, body, attachments, requests, account, undo, sendAt);
    }

    static List<Recipient> recipients(ParsedArgs args, String option, RecipientType type) throws UsageException {
        List<Recipient> result = new ArrayList<>();
        for (String value : args.values(option)) {
            List<ParsedAddress> parsed = AddressParser.parseList(value);
            if (parsed.isEmpty()) {
                throw new UsageException("--" + option + ": no address given");
            }
            for (ParsedAddress item : parsed) {
                result.add(new Recipient(type, valid("--" + option, item)));
            }
        }
        return result;
    }

    private static MailAddress single(String option, String value) throws UsageException {
        List<ParsedAddress> parsed = AddressParser.parseList(value);
        if (parsed.size() != 1) {
            throw new UsageException("--" + option + ": give exactly one address");
        }
        return valid("--" + option, parsed.get(0));
    }

    /** The address, or bad input naming where it came from ({@code label}: "--to", "mailto cc"). */
    public static MailAddress valid(String label, ParsedAddress item) throws UsageException {
        if (item instanceof ParsedAddress.Invalid invalid) {
            throw new UsageException(label + ": \"" + Printable.of(invalid.text()) + "\": " + invalid.reason());
        }
        return ((ParsedAddress.Valid) item).address();
    }

    /** Line breaks are folded by the domain; a subject longer than a mail line is refused, not cut. */
    public static String checkSubject(String label, String subject) throws UsageException {
        String control = TextControls.problemInSubject(subject);
        if (control != null) {
            throw new UsageException(label + ": the subject holds " + control + ", a control character (or one that "
                    + "reverses the text direction); remove it");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw new UsageException(label + ": the subject has " + subject.length() + " characters; at most "
                    + MAX_SUBJECT + " fit in a mail header");
        }
        return subject;
    }

    private static Optional<String> body(ParsedArgs args) throws UsageException {
        if (args.has("body") && args.has("body-file")) {
            throw new UsageException("--body and --body-file cannot be used together");
        }
        if (args.has("body")) {
            return args.value("body");
        }
        Optional<String> file = args.value("body-file");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(file.get());
        try {
            byte[] bytes = readAtMost(path, MAX_BODY_BYTES);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new UsageException("--body-file: " + path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("--body-file: cannot read " + path + " (" + describe(e) + ")");
        }
    }

    /**
     * Reads a body file of at most {@code limit} bytes. Any readable file works (/dev/stdin in a
     * pipe, say), but one that never ends (/dev/zero) is refused once it passes the limit.
     */
    private static byte[] readAtMost(Path path, int limit) throws IOException, UsageException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new UsageException("--body-file: " + path + " is larger than " + ByteSizes.human(limit)
                        + "; send a long text as an --attach file instead");
            }
            return bytes;
        }
    }

    private static Path attachment(String file) throws UsageException {
        if (file.isBlank()) {
            throw new UsageException("--attach needs a file name");
        }
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw new UsageException("--attach: " + path + ": there is no such file");
        }
        if (Files.isDirectory(path)) {
            throw new UsageException("--attach: " + path + " is a folder; attach the files in it, or a zip of it");
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageException("--attach: " + path + " is not a regular file (a device or a pipe)");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException("--attach: " + path + " cannot be read (permission denied)");
        }
        return path.toAbsolutePath();
    }

    private static Optional<Duration> undo(ParsedArgs args) throws UsageException {
        Optional<String> value = args.value("undo-seconds");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.get().strip());
            if (seconds < 0 || seconds > StoreSettings.MAX_UNDO_WINDOW.toSeconds()) {
                throw new UsageException("--undo-seconds: " + seconds + " is not between 0 and 60");
            }
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            if (value.get().strip().matches("[+-]?\\d+")) {
                throw new UsageException("--undo-seconds: " + Printable.of(value.get().strip()) + " is not between 0 and 60");
            }
            throw new UsageException("--undo-seconds: \"" + Printable.of(value.get()) + "\" is not a whole number of seconds");
        }
    }

    private Optional<Instant> sendAt(ParsedArgs args) throws UsageException {
        Optional<String> value = args.value("send-at");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Instant at = parseTime(value.get().strip());
        if (!at.isAfter(clock.instant())) {
            throw new UsageException("--send-at: " + Printable.of(value.get()) + " is not in the future");
        }
        if (!at.isBefore(LATEST_SEND_AT)) {
            throw new UsageException("--send-at: " + Printable.of(value.get()) + " is too far away (the year must have "
                    + "four digits)");
        }
        return Optional.of(at);
    }

    private Instant parseTime(String text) throws UsageException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(text).atZone(clock.getZone()).toInstant();
            } catch (DateTimeException e2) {
                throw new UsageException("--send-at: \"" + Printable.of(text) + "\" is not an ISO-8601 time such as "
                        + "2026-12-24T18:00 or 2026-12-24T18:00+01:00");
            }
        }
    }

    public static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
