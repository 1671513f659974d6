package dev.envoi.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SpoolerLockTest {

    @TempDir
    Path profile;

    @Test
    void onlyOneSpoolerHoldsTheLock() throws Exception {
        try (SpoolerLock first = SpoolerLock.tryAcquire(profile).orElseThrow()) {
            assertTrue(SpoolerLock.tryAcquire(profile).isEmpty());
        }
        Optional<SpoolerLock> again = SpoolerLock.tryAcquire(profile);
        assertTrue(again.isPresent(), "released on close");
        again.get().close();
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(profile.resolve(SpoolerLock.FILE_NAME))));
        }
    }

    @Test
    void aKilledProcessLeavesNoStaleLock() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), profile.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertEquals("locked", out.readLine());
            assertTrue(SpoolerLock.tryAcquire(profile).isEmpty(), "the other process holds it");
            holder.destroyForcibly();
            assertTrue(holder.waitFor(20, TimeUnit.SECONDS));
        }
        Optional<SpoolerLock> lock = SpoolerLock.tryAcquire(profile);
        assertTrue(lock.isPresent(), "the OS released the dead process's lock");
        lock.get().close();
    }

    /** Run in a child process: takes the lock and waits to be killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            SpoolerLock lock = SpoolerLock.tryAcquire(Path.of(args[0])).orElseThrow();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
            lock.close();
        }
    }
}
