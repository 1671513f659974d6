package dev.envoi.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The power-cut file system ({@code src/test/python/powercut_fs.py}, on Debian's python3-fusepy)
 * mounted on one folder: everything written there goes through to a "live" folder, and unmounting
 * is the power cut, which writes out what a disk would hold (what was synced) as a new folder, the
 * next mount's live folder. Each mount is one process; {@link #close} never leaves a mount behind.
 */
public final class PowerCutFs implements AutoCloseable {

    static final Path SCRIPT = Path.of("src", "test", "python", "powercut_fs.py").toAbsolutePath();
    private static final String PYTHON = "/usr/bin/python3"; // Debian's, where python3-fusepy lives

    private final Path mountpoint;
    private final Process daemon;
    private final Path image;
    private final Path log;
    private boolean cut;

    private PowerCutFs(Path mountpoint, Process daemon, Path image, Path log) {
        this.mountpoint = mountpoint;
        this.daemon = daemon;
        this.image = image;
        this.log = log;
    }

    /**
     * Why this machine cannot run the campaign, or empty if it can: tried for real, by mounting,
     * syncing a file and cutting.
     */
    public static Optional<String> unavailableReason(Path scratch) {
        if (!Files.exists(Path.of("/dev/fuse"))) {
            return Optional.of("no /dev/fuse on this machine");
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return Optional.of(PYTHON + " is missing (apt-get install python3-fusepy fuse)");
        }
        try {
            Path live = Files.createDirectories(scratch.resolve("probe-live"));
            Path mount = Files.createDirectories(scratch.resolve("probe-mount"));
            try (PowerCutFs fs = mount(live, mount, scratch.resolve("probe-image"), 1, false)) {
                Files.writeString(mount.resolve("probe"), "probe");
                fs.cut();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("the power-cut file system cannot mount here: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** Mounts {@code live} on {@code mountpoint}; the cut will write {@code image}. */
    public static PowerCutFs mount(Path live, Path mountpoint, Path image, long seed, boolean torn)
            throws IOException, InterruptedException {
        Path log = image.resolveSibling(image.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(PYTHON, SCRIPT.toString(), live.toString(),
                mountpoint.toString(), image.toString(), Long.toString(seed), torn ? "1" : "0");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        PowerCutFs fs = new PowerCutFs(mountpoint, builder.start(), image, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!fs.isMounted()) {
            if (!fs.daemon.isAlive() || System.nanoTime() > deadline) {
                fs.close();
                throw new IOException("no mount on " + mountpoint + ": " + fs.logText());
            }
            Thread.sleep(20);
        }
        return fs;
    }

    /**
     * The power cut: unmounts (every process using the mount must be gone) and waits for the
     * image; returns the file system's figures line ("cut dirty_files=... names_lost=...").
     */
    public String cut() throws IOException, InterruptedException {
        unmount(false);
        if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
            throw new IOException("the power-cut file system did not write its image: " + logText());
        }
        cut = true;
        String figures = logText().lines().filter(l -> l.startsWith("cut ")).findFirst().orElse("");
        if (figures.isEmpty() || !Files.isDirectory(image)) {
            throw new IOException("the power-cut file system failed: " + logText());
        }
        return figures;
    }

    public Path image() {
        return image;
    }

    private boolean isMounted() throws IOException {
        String target = mountpoint.toAbsolutePath().toString().replace(" ", "\\040");
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8)) {
            String[] fields = line.split(" ");
            if (fields.length > 1 && fields[1].equals(target)) {
                return true;
            }
        }
        return false;
    }

    private void unmount(boolean lazy) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50 && isMounted(); attempt++) {
            // A process just killed may hold the mount for a moment after it is reaped.
            run(lazy || attempt > 40 ? List.of("fusermount", "-u", "-z", mountpoint.toString())
                    : List.of("fusermount", "-u", mountpoint.toString()));
            if (isMounted()) {
                Thread.sleep(100);
            }
        }
        if (isMounted()) {
            run(List.of("umount", "-l", mountpoint.toString()));
        }
    }

    private static void run(List<String> command) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return; // no fusermount: umount -l comes next
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Unmounts if still mounted (lazily, so a test failing mid-trial never leaves a mount) and stops the daemon. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!cut) {
            unmount(true);
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
