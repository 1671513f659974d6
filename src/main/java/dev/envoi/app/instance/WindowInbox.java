package dev.envoi.app.instance;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Window requests that come from outside the app (another launch, a link clicked on macOS). They
 * may arrive before the toolkit is up; the inbox keeps them until the desktop session attaches
 * its opener, and refuses them once Envoi is quitting.
 */
public final class WindowInbox {

    /** Opens the window a request asks for; the future completes once it is shown. */
    public interface Opener {
        CompletableFuture<Void> open(WindowRequest request);
    }

    /** The window could not be opened; the message says why, in one line. */
    static final class NotOpenedException extends Exception {
        NotOpenedException(String message) {
            super(message);
        }
    }

    private final CompletableFuture<Opener> opener = new CompletableFuture<>();

    public void attach(Opener windows) {
        opener.complete(windows);
    }

    /** From now on every request is refused: the app is quitting, or never started. */
    public void close() {
        opener.obtrudeException(new IllegalStateException("Envoi is quitting"));
    }

    /** Opens the window and waits until it is shown, at most {@code timeout} in all. */
    void deliver(WindowRequest request, Duration timeout) throws NotOpenedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Opener windows = opener.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            windows.open(request).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new NotOpenedException("Envoi did not open the window within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new NotOpenedException(e.getCause().getMessage() == null ? e.getCause().toString()
                    : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotOpenedException("interrupted");
        }
    }

    /** Opens the window when the session is ready, without waiting; a failure goes to {@code problems}. */
    public void post(WindowRequest request, Consumer<String> problems) {
        opener.thenCompose(windows -> windows.open(request)).whenComplete((done, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                problems.accept("could not open a window: " + cause.getMessage());
            }
        });
    }
}
