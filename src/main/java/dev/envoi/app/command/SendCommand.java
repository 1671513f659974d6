package dev.envoi.app.command;

import dev.envoi.app.cli.ComposeOptions;
import dev.envoi.app.cli.ComposeRequest;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.Identities;
import dev.envoi.app.cli.MailtoUri;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.store.AttachmentRejectedException;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** `envoi send`: compose, save, submit and, with --wait, see the message handed off. */
public final class SendCommand {

    private final Terminal terminal;

    public SendCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The compose options, and --draft ID to send a message already in Drafts. */
    static final Map<String, ParsedArgs.Arity> OPTIONS = withDraft();

    private static Map<String, ParsedArgs.Arity> withDraft() {
        Map<String, ParsedArgs.Arity> options = new HashMap<>(ComposeOptions.OPTIONS);
        options.put("draft", ParsedArgs.Arity.VALUE);
        return Map.copyOf(options);
    }

    public int run(List<String> args) throws Exception {
        ParsedArgs parsed = ParsedArgs.parse(args, OPTIONS, ComposeOptions.REPEATABLE);
        if (parsed.has("draft")) {
            return new SendDraftCommand(terminal).run(parsed);
        }
        for (String operand : parsed.operands()) {
            if (!MailtoUri.looksLikeMailto(operand)) {
                throw new UsageException("unexpected argument \"" + Printable.of(operand) + "\" (addresses go after --to)");
            }
        }
        if (parsed.operands().size() > 1) {
            // A second link would silently replace the first; more addresses go after --to.
            throw new UsageException("give one mailto: link, not " + parsed.operands().size());
        }
        ComposeRequest base = parsed.operands().isEmpty() ? ComposeRequest.EMPTY : MailtoUri.parse(parsed.operands().get(0));
        ComposeRequest request = new ComposeOptions(terminal.clock()).read(parsed, base);
        if (request.recipients().isEmpty()) {
            throw new UsageException("no recipient: give at least one --to, --cc or --bcc");
        }
        Optional<Duration> wait = WaitOption.read(parsed);
        try (ProfileServices services = ProfileServices.open(terminal.checkedProfile(parsed), terminal.env())) {
            MailAddress from = Identities.sender(request, services.store().accounts(), terminal);
            Optional<String> account = Identities.account(request, from, services.store().accounts());
            if (wait.isPresent()) {
                SecretPreflight.ensure(account, services.store().accounts(), services.credentials(), terminal);
            }
            List<Attachment> attachments = importAttachments(services, request.attachments());
            DraftContent content = new DraftContent(from, request.recipients(), request.subject(), request.body(),
                    attachments, request.deliveryRequests());
            EntryId queued = services.store().submit(new Draft(content),
                    new SubmitOptions(request.undoWindow(), request.sendAt()).withAccount(account));
            terminal.out().println(queued);
            if (wait.isEmpty()) {
                terminal.say("queued; the running Envoi sends it, or the next `envoi outbox --flush`");
                return ExitCode.OK;
            }
            return new DeliveryWaiter(services, terminal).await(queued, wait.get());
        }
    }

    private static List<Attachment> importAttachments(ProfileServices services, List<Path> files) throws UsageException {
        List<Attachment> attachments = new ArrayList<>();
        for (Path file : files) {
            try {
                attachments.add(services.store().importAttachment(file));
            } catch (AttachmentRejectedException e) {
                throw new UsageException("--attach: " + e.getMessage());
            }
        }
        return attachments;
    }
}
