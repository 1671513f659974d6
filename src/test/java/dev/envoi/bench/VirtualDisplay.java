package dev.envoi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * An Xvfb display of the benchmark's own, on a free number, stopped when closed. It does not reset
 * when its last client leaves: a reset between one program's quit and the next one's start (or
 * between two of xdotool's polls) refused that start with "cannot open display".
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Empty when Xvfb is not installed. */
    static Optional<VirtualDisplay> start() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            return Optional.empty();
        }
        for (int number = 70; number < 90; number++) {
            if (Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                continue;
            }
            Process process = new ProcessBuilder("/usr/bin/Xvfb", ":" + number, "-screen", "0", "1280x1024x24",
                    "-nolisten", "tcp", "-noreset").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path socket = Path.of("/tmp/.X11-unix/X" + number);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (process.isAlive() && Files.notExists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (process.isAlive() && Files.exists(socket)) {
                return Optional.of(new VirtualDisplay(process, ":" + number));
            }
            process.destroyForcibly();
        }
        throw new IOException("no free X display number between :70 and :89");
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        xvfb.waitFor();
    }
}
