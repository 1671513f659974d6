package dev.envoi.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.log.ProfileLog;
import dev.envoi.testing.UiQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one way windows run background work: results and failures both come back on the UI thread. */
@Timeout(30)
class BackgroundTaskTest {

    @TempDir
    Path profile;

    private final List<String> seen = new ArrayList<>();

    @Test
    void theResultComesBackOnTheUiThreadThenFinished() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        UiQueue ui = new UiQueue();
        try {
            List<Thread> workedOn = new ArrayList<>();
            Thread testThread = Thread.currentThread(); // the UiQueue runs its tasks here
            BackgroundTask.of("counting", () -> {
                workedOn.add(Thread.currentThread());
                return 42;
            }).onSuccess(n -> seen.add("success " + n + (Thread.currentThread() == testThread ? " on the UI thread" : "")))
                    .onFailure(e -> seen.add("failure"))
                    .onFinished(() -> seen.add("finished"))
                    .executeWith(new TaskExecutor(pool, ui));
            ui.runUntil(() -> seen.contains("finished"), Duration.ofSeconds(10), "the task finishes");
            assertEquals(List.of("success 42 on the UI thread", "finished"), seen);
            assertNotEquals(Thread.currentThread(), workedOn.get(0), "the work ran off the UI thread");
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyKindOfFailureReachesOnFailureAndTheLog() throws Exception {
        List<Exception> failures = new ArrayList<>();
        TaskExecutor here = TaskExecutor.inCallingThread();
        try (ProfileLog log = ProfileLog.openIn(profile)) {
            // Checked, unchecked and a programming error alike: none stays on the background thread.
            for (Exception thrown : List.of(new IOException("disk gone"), new IllegalStateException("a bug"),
                    new RuntimeException("jane@example.org refused"))) {
                BackgroundTask.run("testing failures", () -> {
                    throw thrown;
                }).onSuccess(v -> seen.add("success")).onFailure(failures::add)
                        .onFinished(() -> seen.add("finished")).executeWith(here);
            }
            List<String> lines = ProfileLog.recentLines(profile, 50);
            assertTrue(lines.stream().anyMatch(l -> l.contains("testing failures failed")
                    && l.contains("IllegalStateException: a bug")), String.join("\n", lines));
            // The log names the domain of an address it quotes, never whom.
            assertTrue(lines.stream().noneMatch(l -> l.contains("jane@")), String.join("\n", lines));
        }
        assertEquals(List.of("IOException", "IllegalStateException", "RuntimeException"),
                failures.stream().map(e -> e.getClass().getSimpleName()).toList());
        assertEquals(List.of("finished", "finished", "finished"), seen, "no success after a failure");
    }

    @Test
    void theAnswerCompletesWithTheWorkEvenBeforeTheUiFollowsUp() throws Exception {
        UiQueue ui = new UiQueue();
        IllegalStateException bug = new IllegalStateException("a bug");
        CompletableFuture<Void> failed = BackgroundTask.run("failing", () -> {
            throw bug;
        }).onFailure(e -> seen.add("failure")).executeWith(new TaskExecutor(Runnable::run, ui)).toCompletableFuture();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, failed::get);
        assertSame(bug, e.getCause());
        assertEquals(List.of(), seen, "the UI thread has not run yet");
        ui.runPending();
        assertEquals(List.of("failure"), seen);
    }

    @Test
    void workThatCannotStartIsAFailureToo() {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        List<Exception> failures = new ArrayList<>();
        CompletableFuture<Void> done = BackgroundTask.run("too late", () -> seen.add("ran"))
                .onFailure(failures::add).executeWith(new TaskExecutor(closed, Runnable::run)).toCompletableFuture();
        assertTrue(done.isCompletedExceptionally());
        assertEquals(1, failures.size());
        assertTrue(failures.get(0) instanceof RejectedExecutionException, failures.toString());
        assertEquals(List.of(), seen);
    }

    @Test
    void aSerialExecutorRunsOneTaskAfterAnother() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        UiQueue ui = new UiQueue();
        try {
            TaskExecutor serial = new TaskExecutor(pool, ui).serial();
            List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 20; i++) {
                int n = i;
                BackgroundTask.run("step " + n, () -> order.add(n)).executeWith(serial);
            }
            ui.runUntil(() -> order.size() == 20, Duration.ofSeconds(10), "all steps ran");
            assertEquals(java.util.stream.IntStream.range(0, 20).boxed().toList(), order);
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
