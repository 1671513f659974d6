package dev.envoi.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java process started on the test's class path, whose output lines are collected as they come,
 * and which can be killed with SIGKILL ({@code destroyForcibly} on Unix) the moment a line appears.
 */
final class ChildJvm {

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final CountDownLatch drained = new CountDownLatch(2);
    private volatile Predicate<String> trigger = line -> false;
    private final CountDownLatch triggered = new CountDownLatch(1);

    private ChildJvm(Process process) {
        this.process = process;
        reader(process.getInputStream(), out, "out").start();
        reader(process.getErrorStream(), err, "err").start();
    }

    /** Starts {@code mainClass} with {@code args}; {@code env} is added to this process's environment. */
    static ChildJvm start(Class<?> mainClass, List<String> args, Map<String, String> env) throws IOException {
        return start(mainClass.getName(), args, env);
    }

    static ChildJvm start(String mainClass, List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Quick start-up: these processes live a few seconds each.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m",
                "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return new ChildJvm(builder.start());
    }

    private Thread reader(InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (trigger.test(line)) {
                        triggered.countDown();
                    }
                }
            } catch (IOException e) {
                // The process died: what it wrote before is kept.
            } finally {
                drained.countDown();
            }
        }, "child-" + name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Waits for a stdout line matching {@code line} (counting lines already read), then for the
     * delay, then kills the process. Returns true if it was killed, false if it exited first.
     */
    boolean killAfter(Predicate<String> line, long delayMillis, long timeoutMillis) throws InterruptedException {
        trigger = line;
        if (out.stream().anyMatch(line)) {
            triggered.countDown();
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!triggered.await(20, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                return false;
            }
        }
        if (delayMillis > 0 && process.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        return kill();
    }

    /** SIGKILL now; true if the process was still alive. */
    boolean kill() throws InterruptedException {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        return alive;
    }

    /** Waits for the exit, killing the process if it overstays; returns the exit code. */
    int await(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            kill();
        }
        drained.await(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    List<String> out() {
        return List.copyOf(out);
    }

    List<String> err() {
        return List.copyOf(err);
    }
}
