package dev.envoi.app.command;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.Json;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.OutboxState;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.NotInQueueException;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SentCopyEntry;
import dev.envoi.store.SentCopyState;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.store.StoreException;
import dev.envoi.store.StoreOpenException;
import dev.envoi.store.StoreSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** `envoi outbox`: what is not sent yet; `--flush` sends what is due. */
public final class OutboxCommand {

    private static final Map<String, ParsedArgs.Arity> OPTIONS = Map.of("profile", ParsedArgs.Arity.VALUE,
            "json", ParsedArgs.Arity.FLAG, "flush", ParsedArgs.Arity.FLAG, "wait", ParsedArgs.Arity.OPTIONAL_VALUE,
            "debug", ParsedArgs.Arity.FLAG, "reassign", ParsedArgs.Arity.VALUE, "account", ParsedArgs.Arity.VALUE,
            "retry-copies", ParsedArgs.Arity.FLAG);

    /** The state of a row for a sent message whose copy is pending or failed. */
    private static final String SENT = "SENT";

    private final Terminal terminal;

    public OutboxCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    public int run(List<String> args) throws Exception {
        ParsedArgs parsed = ParsedArgs.parse(args, OPTIONS, Set.of());
        if (!parsed.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + Printable.of(parsed.operands().get(0)) + "\"");
        }
        Optional<Duration> wait = WaitOption.read(parsed);
        if (wait.isPresent() && !parsed.has("flush")) {
            throw new UsageException("--wait goes with --flush");
        }
        if (parsed.has("reassign") != parsed.has("account")) {
            throw new UsageException("--reassign ID goes with --account NAME");
        }
        try (ProfileServices services = ProfileServices.open(terminal.checkedProfile(parsed), terminal.env())) {
            if (parsed.has("reassign")) {
                return reassign(services, parsed.value("reassign").orElseThrow(), parsed.value("account").orElseThrow());
            }
            if (parsed.has("retry-copies")) {
                int count = services.store().sentCopies().retryFailed();
                terminal.say(count + " failed cop" + (count == 1 ? "y" : "ies") + " for the servers' Sent folders "
                        + "will be tried again" + (parsed.has("flush") ? "" : " (now, with --flush, or when Envoi runs)"));
            }
            if (parsed.has("flush")) {
                return flush(services, wait);
            }
            List<Map<String, Object>> rows = rows(services.store());
            if (parsed.has("json")) {
                terminal.out().println(Json.write(rows));
            } else {
                printTable(rows);
            }
            return ExitCode.OK;
        }
    }

    /** `--reassign ID --account NAME`: a message whose account is gone goes through another. */
    private int reassign(ProfileServices services, String id, String account) throws UsageException {
        EntryId entry = EntryId.parseOrNull(id);
        if (entry == null) {
            throw new UsageException("--reassign: \"" + Printable.of(id) + "\" is not a message id (envoi outbox)");
        }
        try {
            services.store().reassign(entry, account);
        } catch (NotInQueueException e) {
            terminal.say(e.getMessage());
            return ExitCode.NOT_IN_QUEUE;
        } catch (StoreException e) {
            if (e instanceof StoreOpenException) {
                throw e;
            }
            throw new UsageException("--account: " + e.getMessage());
        }
        terminal.say("the message " + id + " goes through account " + Printable.of(account)
                + " now; the running Envoi sends it, or the next `envoi outbox --flush`");
        return ExitCode.OK;
    }

    /**
     * Runs the spooler on what is due: messages due now, and those still in their undo window
     * (which is kept: Cancel works until it ends), until each is handed off or waits for a retry.
     * Send-later messages and retry waits are left as they are.
     */
    private int flush(ProfileServices services, Optional<Duration> wait) throws Exception {
        Instant horizon = terminal.clock().instant().plus(StoreSettings.MAX_UNDO_WINDOW);
        // Taken before the spooler starts: a message a crash left sending counts too.
        List<EntryId> flushed = services.store().outbox().stream()
                .filter(entry -> isWorkBefore(entry, horizon)).map(OutboxEntry::id).toList();
        SpoolerClaim spooler = SpoolerClaim.take(services, terminal);
        if (!spooler.held()) {
            terminal.say("another Envoi runs this profile's spooler; it sends the queue"
                    + (wait.isPresent() ? " (waiting for it)" : ""));
            if (wait.isEmpty()) {
                return ExitCode.OK;
            }
        }
        RefusedDrafts moves = RefusedDrafts.watch(services.store());
        Duration timeout = wait.orElse(WaitOption.DEFAULT);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (hasWorkBefore(services.store().outbox(), horizon) || copyDue(services)) {
            if (System.nanoTime() >= deadline) {
                terminal.say("still sending after " + timeout.toSeconds() + " s; the rest stays in the outbox");
                return ExitCode.STILL_QUEUED;
            }
            Thread.sleep(50);
            spooler.retryIfDue();
        }
        moves.report(terminal);
        FlushOutcome outcome = new FlushOutcome();
        for (EntryId id : flushed) {
            outcome.add(services.store().fate(id));
        }
        long left = services.store().outbox().size();
        terminal.say(outcome.summary() + "; "
                + (left == 0 ? "the outbox is empty" : left + " message(s) left in the outbox (envoi outbox)")
                + RefusedDrafts.inDrafts(services.store()));
        return outcome.exitCode();
    }

    /** True while this process files copies and one is due now (its retries later are left for later). */
    private boolean copyDue(ProfileServices services) {
        return services.sentCopier().isPresent() && services.store().sentCopies().nextDueAt()
                .filter(due -> !due.isAfter(terminal.clock().instant())).isPresent();
    }

    /** True while a message is being sent, or one due before the horizon (a retry: due now) waits. */
    private boolean hasWorkBefore(List<OutboxEntry> outbox, Instant horizon) {
        return outbox.stream().anyMatch(entry -> isWorkBefore(entry, horizon));
    }

    private boolean isWorkBefore(OutboxEntry entry, Instant horizon) {
        return switch (entry.state()) {
            case SENDING -> true;
            case QUEUED -> !entry.dueAt().isAfter(horizon);
            case RETRYING -> !entry.dueAt().isAfter(terminal.clock().instant());
            default -> false;
        };
    }

    static List<Map<String, Object>> rows(SqliteMessageStore store) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OutboxEntry entry : store.outbox()) {
            rows.add(row(entry.id().value(), entry.state().name(), entry.subject(), entry.to(), entry.attempts(),
                    entry.state() == OutboxState.RETRYING || entry.state() == OutboxState.QUEUED ? entry.dueAt() : null,
                    entry.lastError(), entry.messageId(), entry.account().orElse(null), null));
        }
        for (MessageSummary draft : store.drafts()) {
            if (!draft.returnReason().isEmpty()) {
                rows.add(row(draft.id().value(), OutboxState.DRAFT.name(), draft.subject(), draft.to(), 0, null,
                        draft.returnReason(), draft.messageId(), null, null));
            }
        }
        // Sent messages whose copy for the server's Sent folder is not there yet: the mail went.
        for (SentCopyEntry copy : store.sentCopies().unfinished()) {
            rows.add(row(copy.sentId().value(), SENT, copy.subject(), copy.to(), copy.attempts(),
                    copy.state() == SentCopyState.PENDING ? copy.dueAt() : null, copy.lastError(), copy.messageId(),
                    copy.account(), copy.state().word()));
        }
        return rows;
    }

    private static Map<String, Object> row(String id, String state, String subject, List<MailAddress> to, int attempts,
                                           Instant next, String lastError, String messageId, String account,
                                           String sentCopy) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("state", state);
        row.put("subject", subject);
        row.put("to", to.stream().map(MailAddress::toDisplayString).toList());
        row.put("attempts", attempts);
        row.put("nextAttemptAt", next == null ? null : next.toString());
        row.put("lastError", lastError);
        row.put("messageId", messageId);
        row.put("account", account);
        row.put("sentCopy", sentCopy);
        return row;
    }

    /**
     * The outbox as the window's Outbox tab shows it, then the refused messages, which are in
     * Drafts (as the window's Drafts tab shows them) but not sent either.
     */
    private void printTable(List<Map<String, Object>> rows) {
        List<Map<String, Object>> queue = rows.stream().filter(r -> !isDraft(r)).toList();
        List<Map<String, Object>> drafts = rows.stream().filter(OutboxCommand::isDraft).toList();
        if (queue.isEmpty()) {
            terminal.out().println("The outbox is empty.");
        } else {
            printRows(queue);
        }
        if (!drafts.isEmpty()) {
            terminal.out().println();
            terminal.out().println("Refused, back in Drafts (envoi send --draft ID sends one again):");
            printRows(drafts);
        }
    }

    private static boolean isDraft(Map<String, Object> row) {
        return OutboxState.DRAFT.name().equals(row.get("state"));
    }

    private void printRows(List<Map<String, Object>> rows) {
        terminal.out().printf("%-20s  %-9s  %-8s  %-20s  %s%n", "ID", "STATE", "ATTEMPTS", "NEXT", "SUBJECT / LAST ERROR");
        for (Map<String, Object> row : rows) {
            Object next = row.get("nextAttemptAt");
            terminal.out().printf("%-20s  %-9s  %-8s  %-20s  %s%n", row.get("id"), row.get("state"), row.get("attempts"),
                    next == null ? "-" : next.toString().replace("T", " ").replaceAll("\\.\\d+Z$", "Z"),
                    Printable.of(String.valueOf(row.get("subject"))));
            Object copy = row.get("sentCopy");
            if (copy != null) {
                terminal.out().printf("%-20s  %s%n", "", "copy for the server's Sent folder: " + copy);
            }
            Object error = row.get("lastError");
            if (error != null && !error.toString().isEmpty()) {
                terminal.out().printf("%-20s  %s%n", "", Printable.of(error.toString()));
            }
        }
    }
}
