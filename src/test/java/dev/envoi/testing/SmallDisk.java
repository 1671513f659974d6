package dev.envoi.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small file system of its own (tmpfs), for the faults a real disk gives: full, or read-only
 * even for root. Mounting needs root and a system that allows it; where it cannot be made, the
 * test that asked is skipped with the reason, never passed.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;
    private Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code kibibytes} at a new folder, or skips the calling test saying why. */
    public static SmallDisk mount(int kibibytes) throws IOException, InterruptedException {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "a small file system is made with tmpfs, which only Linux has");
        Path point = Files.createTempDirectory("envoi-small-disk");
        String problem = run("mount", "-t", "tmpfs", "-o", "size=" + kibibytes + "k,mode=0700", "tmpfs", point.toString());
        if (problem != null) {
            Files.deleteIfExists(point);
        }
        Assumptions.assumeTrue(problem == null, "cannot mount a small tmpfs here (needs root and mount rights): " + problem);
        return new SmallDisk(point);
    }

    public Path root() {
        return mountPoint;
    }

    /** Writes a file until the disk is full. */
    public void fill() throws IOException {
        filler = mountPoint.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (full.getMessage() == null || !full.getMessage().contains("No space left")) {
                throw full;
            }
        }
    }

    /** Shortens the filler so that about {@code kibibytes} are free: a disk nearly full. */
    public void release(int kibibytes) throws IOException {
        if (filler != null && kibibytes > 0) {
            try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
                channel.truncate(Math.max(0, channel.size() - kibibytes * 1024L));
            }
        }
    }

    /** Deletes the filler: space again. */
    public void free() throws IOException {
        if (filler != null) {
            Files.deleteIfExists(filler);
        }
    }

    /** Makes the whole file system read-only: root cannot write to it either. */
    public void readOnly(boolean readOnly) throws IOException, InterruptedException {
        String problem = run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString());
        if (problem != null) {
            throw new IOException("remount failed: " + problem);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
        Files.deleteIfExists(mountPoint);
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return command[0] + " did not finish";
        }
        return process.exitValue() == 0 ? null : output.isEmpty() ? "exit " + process.exitValue() : output;
    }
}
