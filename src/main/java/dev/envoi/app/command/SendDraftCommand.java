package dev.envoi.app.command;

import dev.envoi.app.cli.ComposeOptions;
import dev.envoi.app.cli.ComposeRequest;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.Identities;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.message.Draft;
import dev.envoi.message.EntryId;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * `envoi send --draft ID`: MAPI's SubmitMessage on a message that is already in Drafts (one the
 * server refused, or saved in the window), sent as it stands. Its content is not changed here:
 * editing is the window's job, so no compose option goes with --draft.
 */
final class SendDraftCommand {

    /** What may go with --draft: when, through which account, and whether to wait; nothing that changes the message. */
    private static final Set<String> ALLOWED = Set.of("draft", "profile", "debug", "wait", "undo-seconds", "send-at",
            "account");

    private final Terminal terminal;

    SendDraftCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    int run(ParsedArgs parsed) throws Exception {
        for (String option : SendCommand.OPTIONS.keySet()) {
            if (parsed.has(option) && !ALLOWED.contains(option)) {
                throw new UsageException("--" + option + " cannot go with --draft, which sends the draft as it is "
                        + "(open it in the window to change it)");
            }
        }
        if (!parsed.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + Printable.of(parsed.operands().get(0))
                    + "\" (--draft takes one id)");
        }
        String given = parsed.value("draft").orElseThrow();
        EntryId id = EntryId.parseOrNull(given);
        if (id == null) {
            throw new UsageException("--draft: \"" + Printable.of(given) + "\" is not a message id (20 letters and "
                    + "digits, as envoi outbox lists them)");
        }
        var request = new ComposeOptions(terminal.clock()).read(parsed, ComposeRequest.EMPTY);
        Optional<Duration> wait = WaitOption.read(parsed);
        try (ProfileServices services = ProfileServices.open(terminal.checkedProfile(parsed), terminal.env())) {
            requireDraft(services, id);
            // The account is the transport, not the content: --account may choose it, else the
            // account of the draft's sender, as for envoi send (a message keeps its account).
            Optional<String> account;
            try (Draft draft = services.store().openDraft(id)) {
                account = Identities.account(request, draft.content().from(), services.store().accounts());
            }
            if (request.account().isPresent() && services.store().accounts().find(request.account().get()).isEmpty()) {
                throw new UsageException("--account: no account is named \"" + Printable.of(request.account().get())
                        + "\" (envoi account list)");
            }
            if (wait.isPresent()) {
                SecretPreflight.ensure(account, services.store().accounts(), services.credentials(), terminal);
            }
            EntryId queued = services.store().submit(id,
                    new SubmitOptions(request.undoWindow(), request.sendAt()).withAccount(account));
            terminal.out().println(queued);
            terminal.say("the draft " + id + " is in the outbox as " + queued);
            if (wait.isEmpty()) {
                terminal.say("queued; the running Envoi sends it, or the next `envoi outbox --flush`");
                return ExitCode.OK;
            }
            return new DeliveryWaiter(services, terminal).await(queued, wait.get());
        }
    }

    /** Says where a message that is not a draft (any more) is, under the id it has now. */
    private static void requireDraft(ProfileServices services, EntryId id) throws UsageException {
        Optional<MessageFate> fate = services.store().fate(id);
        if (fate.isEmpty()) {
            throw new UsageException("--draft: no message has the id " + id + " in this profile");
        }
        MessageFate now = fate.get();
        if (now.folder() == Folder.DRAFTS && now.currentId().equals(id)) {
            return;
        }
        String where = now.folder() == Folder.DELETED ? "sent and deleted"
                : "in " + now.folder().name().toLowerCase(Locale.ROOT) + " as " + now.currentId();
        String hint = now.folder() == Folder.DRAFTS ? " (envoi send --draft " + now.currentId() + ")"
                : now.folder() == Folder.OUTBOX ? " (envoi outbox)" : "";
        throw new UsageException("--draft: the message " + id + " is not a draft any more: it is " + where + hint);
    }
}
