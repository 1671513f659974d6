package dev.envoi.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The log stays within its cap however much is written: a real file in a real profile folder. */
@Timeout(120)
class ProfileLogRollingTest {

    private static final Logger LOG = LoggerFactory.getLogger("dev.envoi.log.test");

    @TempDir
    Path profile;

    @Test
    void rollsOverAndKeepsAtMostFourFilesOfAboutOneMegabyte() throws Exception {
        String filler = "x".repeat(1000);
        try (ProfileLog log = ProfileLog.openIn(profile)) {
            // About 6 MB: more than the four files hold, so the oldest are dropped.
            for (int i = 0; i < 6000; i++) {
                LOG.info("line {} {}", i, filler);
                if (i % 200 == 0) {
                    Thread.sleep(ProfileLog.SIZE_CHECK_MILLIS + 20); // logback looks at the size at most this often
                }
            }
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(ProfileLog.fileIn(profile).getParent())) {
            files = listed.toList();
        }
        assertTrue(files.contains(profile.resolve("logs").resolve("envoi.1.log")), "rolled over: " + files);
        assertTrue(files.size() <= ProfileLog.KEPT_FILES, "at most four files: " + files);
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        assertTrue(total < 5_500_000, "about 4 MB at most, not the 6 MB written: " + total);
        List<String> recent = ProfileLog.recentLines(profile, 3);
        assertTrue(recent.get(2).contains("line 5999 "), "the newest lines are in envoi.log: " + recent);
        assertFalse(Files.readString(ProfileLog.fileIn(profile)).contains("line 0 "), "the oldest are gone");
    }
}
