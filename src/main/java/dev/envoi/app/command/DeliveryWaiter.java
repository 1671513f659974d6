package dev.envoi.app.command;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import dev.envoi.store.MessageFate;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits for a submitted message's outcome: runs the spooler here if no other process does,
 * otherwise watches the store while the other process's spooler works, and maps the outcome
 * to an exit code and one line for the user.
 */
final class DeliveryWaiter {

    private final ProfileServices services;
    private final Terminal terminal;

    DeliveryWaiter(ProfileServices services, Terminal terminal) {
        this.services = services;
        this.terminal = terminal;
    }

    int await(EntryId id, Duration timeout) throws IOException, InterruptedException {
        SpoolerClaim spooler = SpoolerClaim.take(services, terminal);
        if (!spooler.held()) {
            terminal.say("another Envoi runs this profile's spooler; waiting for it");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            spooler.retryIfDue();
            Optional<MessageFate> fate = services.store().fate(id);
            if (fate.isEmpty()) {
                terminal.say("the message " + id + " is not in this profile");
                return ExitCode.NOT_IN_QUEUE;
            }
            if (fate.get().isSettled()) {
                return report(fate.get());
            }
            if (System.nanoTime() >= deadline) {
                terminal.say("still queued after " + timeout.toSeconds() + " s (" + describe(fate.get())
                        + "); it stays in the outbox");
                return ExitCode.STILL_QUEUED;
            }
            Thread.sleep(25);
        }
    }

    private int report(MessageFate fate) {
        switch (fate.folder()) {
            case SENT, DELETED -> {
                terminal.say("handed off" + (fate.reason().isEmpty() ? "" : ": " + fate.reason()));
                return ExitCode.OK;
            }
            case DRAFTS -> {
                if (fate.reason().isEmpty()) {
                    terminal.say("cancelled: the message is back in Drafts as " + fate.currentId());
                    return ExitCode.FAILURE;
                }
                terminal.say("refused: " + fate.reason() + " — the message is back in Drafts as " + fate.currentId());
                return ExitCode.REFUSED;
            }
            default -> {
                if (fate.state().orElse(null) == OutboxState.UNCERTAIN) {
                    terminal.say("delivery uncertain: " + fate.reason() + " — it will not be resent unless you "
                            + "say so (envoi outbox)");
                    return ExitCode.UNCERTAIN;
                }
                terminal.say("failed: " + fate.reason());
                return ExitCode.FAILURE;
            }
        }
    }

    private static String describe(MessageFate fate) {
        String state = fate.state().map(Enum::name).orElse(fate.folder().name()).toLowerCase(java.util.Locale.ROOT);
        return fate.reason().isEmpty() ? state : state + ", last error: " + fate.reason();
    }
}
