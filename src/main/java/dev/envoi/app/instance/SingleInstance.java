package dev.envoi.app.instance;

import dev.envoi.app.cli.ComposeOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One window process per profile. The first launch takes the profile's {@link InstanceLock} and
 * listens; a later one (a mailto: link clicked, `envoi --attach FILE`) hands its window request to
 * it and exits. If the running one cannot be reached in time (it hangs, or is quitting and slow
 * to let go), the later launch opens its window itself: several processes may share a profile,
 * so nothing is lost, there are just two of them.
 */
public final class SingleInstance {

    /** What this launch became. Closing it stops listening and lets go of the lock. */
    public sealed interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /** The running Envoi opened the window: this launch is done. */
    public record Forwarded() implements Claim {
        @Override
        public void close() {
        }
    }

    /** This launch is the profile's window process, and takes the requests of later ones. */
    record Primary(InstanceLock lock, Optional<InstanceListener> listener) implements Claim {
        @Override
        public void close() {
            listener.ifPresent(InstanceListener::close);
            try {
                lock.close();
            } catch (IOException e) {
                // The OS lets go of it with the process anyway.
            }
        }
    }

    /** No channel: this launch opens its own window beside the running one (or without one). */
    record Alone() implements Claim {
        @Override
        public void close() {
        }
    }

    public static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long RETRY_MILLIS = 150;

    private final InstanceFiles files;
    private final WindowInbox inbox;
    private final Consumer<String> log;
    private final boolean verbose;
    private boolean unixSockets = true;

    public SingleInstance(InstanceFiles files, WindowInbox inbox, Consumer<String> log, boolean verbose) {
        this.files = files;
        this.inbox = inbox;
        this.log = log;
        this.verbose = verbose;
    }

    /** Goes straight to the loopback-port fallback, as on a system without Unix sockets (tests). */
    SingleInstance withoutUnixSockets() {
        unixSockets = false;
        return this;
    }

    /**
     * Becomes the profile's window process, or hands {@code request} to the one running. While a
     * running one holds the lock but does not answer (starting, quitting), tries again until
     * {@code patience} runs out.
     */
    public Claim claim(WindowRequest request, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        String lastReason;
        while (true) {
            Optional<InstanceLock> lock;
            try {
                lock = InstanceLock.tryAcquire(files);
            } catch (IOException e) {
                log.accept("cannot check for a running Envoi in " + files.profile() + " (" + ComposeOptions.describe(e) + ")");
                return new Alone();
            }
            if (lock.isPresent()) {
                return new Primary(lock.get(), listen());
            }
            InstanceClient.Answer answer = InstanceClient.forward(files, request, InstanceListener.OPEN_TIMEOUT
                    .plus(InstanceListener.READ_TIMEOUT));
            if (answer instanceof InstanceClient.Answer.Opened) {
                return new Forwarded();
            }
            lastReason = answer instanceof InstanceClient.Answer.Refused refused ? refused.reason()
                    : ((InstanceClient.Answer.Unreachable) answer).reason();
            if (System.nanoTime() > deadline) {
                log.accept("the Envoi running on this profile did not open the window (" + lastReason
                        + "); opening it here");
                return new Alone();
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Alone();
            }
        }
    }

    private Optional<InstanceListener> listen() {
        try {
            return Optional.of(InstanceListener.start(files, inbox, unixSockets, log, verbose));
        } catch (IOException | RuntimeException e) {
            log.accept("other launches cannot reach this Envoi (" + e.getMessage() + "); each will open its own");
            return Optional.empty();
        }
    }
}
