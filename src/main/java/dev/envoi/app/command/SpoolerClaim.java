package dev.envoi.app.command;

import dev.envoi.app.cli.Terminal;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.spool.TransferProgress;
import java.io.IOException;

/**
 * A waiting command's claim on the profile's spooler: taken at once when free; otherwise the
 * command waits on the other process's spooler and takes over if that process quits or dies
 * (the OS drops its lock), so a wait never hangs on a spooler that is gone.
 */
final class SpoolerClaim {

    private static final long RETRY_NANOS = 500_000_000L;

    private final ProfileServices services;
    private final Terminal terminal;
    private boolean held;
    private long nextTry;

    private SpoolerClaim(ProfileServices services, Terminal terminal) {
        this.services = services;
        this.terminal = terminal;
    }

    static SpoolerClaim take(ProfileServices services, Terminal terminal) throws IOException {
        SpoolerClaim claim = new SpoolerClaim(services, terminal);
        claim.held = services.startSpoolerIfFree(TransferProgress.NONE).isPresent();
        claim.nextTry = System.nanoTime() + RETRY_NANOS;
        return claim;
    }

    boolean held() {
        return held;
    }

    /** Tries the lock again, at most twice a second, while another process holds it. */
    void retryIfDue() throws IOException {
        if (held || System.nanoTime() < nextTry) {
            return;
        }
        nextTry = System.nanoTime() + RETRY_NANOS;
        held = services.startSpoolerIfFree(TransferProgress.NONE).isPresent();
        if (held) {
            terminal.say("the other Envoi stopped; sending from here");
        }
    }
}
