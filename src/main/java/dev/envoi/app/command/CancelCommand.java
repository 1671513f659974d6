package dev.envoi.app.command;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.message.EntryId;
import dev.envoi.store.NotInQueueException;
import dev.envoi.store.UnableToAbortException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** `envoi cancel ID`: MAPI's AbortSubmit from a terminal. */
public final class CancelCommand {

    private static final Map<String, ParsedArgs.Arity> OPTIONS = Map.of("profile", ParsedArgs.Arity.VALUE,
            "debug", ParsedArgs.Arity.FLAG);

    private final Terminal terminal;

    public CancelCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    public int run(List<String> args) throws Exception {
        ParsedArgs parsed = ParsedArgs.parse(args, OPTIONS, Set.of());
        if (parsed.operands().size() != 1) {
            throw new UsageException("cancel takes one message id (envoi outbox lists them)");
        }
        EntryId id = EntryId.parseOrNull(parsed.operands().get(0));
        if (id == null) {
            throw new UsageException("\"" + Printable.of(parsed.operands().get(0)) + "\" is not a message id "
                    + "(20 letters and digits, as envoi send printed)");
        }
        try (ProfileServices services = ProfileServices.open(terminal.checkedProfile(parsed), terminal.env())) {
            EntryId draft = services.store().abortSubmit(id);
            terminal.out().println(draft);
            terminal.say("cancelled: the message is back in Drafts as " + draft);
            return ExitCode.OK;
        } catch (UnableToAbortException e) {
            terminal.say("too late to cancel: the message was already handed to the mail system");
            return ExitCode.TOO_LATE;
        } catch (NotInQueueException e) {
            terminal.say("nothing to cancel: " + id + " is not in the outbox (sent, cancelled already, or unknown)");
            return ExitCode.NOT_IN_QUEUE;
        }
    }
}
