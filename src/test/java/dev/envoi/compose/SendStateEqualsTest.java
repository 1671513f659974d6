package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send state is compared with the one before at every change (a property's change listeners),
 * and the first change is Send itself, in the frame that draws the sending look. A record's own
 * equals is an invokedynamic call that the JVM links at its first use through
 * java.lang.runtime.ObjectMethods: 8–15 ms of the FX thread on the Send frame (issue 21, bar 4).
 * The states write theirs out, equal as the records' own were.
 */
@Timeout(120)
class SendStateEqualsTest {

    @TempDir
    Path work;

    @Test
    void comparingSendStatesLinksNothingAtRunTime() throws Exception {
        Path classLog = work.resolve("classes.log");
        Path output = work.resolve("out.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + classLog, "-cp", System.getProperty("java.class.path"),
                SendStateComparisons.class.getName()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(100, TimeUnit.SECONDS), "the comparisons ended");
        assertEquals(0, process.exitValue(), Files.readString(output));
        assertTrue(Files.readString(output).contains("equal pairs: 8"), Files.readString(output));
        List<String> loaded = Files.readAllLines(classLog);
        assertTrue(loaded.stream().anyMatch(line -> line.contains("dev.envoi.compose.SendState$Transferring")),
                "the log covers the states");
        assertFalse(loaded.stream().anyMatch(line -> line.contains("java.lang.runtime.ObjectMethods")),
                "no record equals linked at run time");
    }

    @Test
    void statesAreEqualByKindAndValue() {
        Instant due = Instant.ofEpochSecond(1_800_000_000L);
        assertEquals(new SendState.Editing(), new SendState.Editing());
        assertNotEquals(new SendState.Editing(), new SendState.Submitting());
        assertEquals(new SendState.Transferring(5, 10), new SendState.Transferring(5, 10));
        assertEquals(new SendState.Transferring(5, 10).hashCode(), new SendState.Transferring(5, 10).hashCode());
        assertNotEquals(new SendState.Transferring(5, 10), new SendState.Transferring(6, 10));
        assertNotEquals(new SendState.Transferring(5, 10), new SendState.Transferring(5, 11));
        assertEquals(new SendState.Retrying(due, 2, "busy"), new SendState.Retrying(due, 2, "busy"));
        assertNotEquals(new SendState.Retrying(due, 2, "busy"), new SendState.Retrying(due, 3, "busy"));
        assertNotEquals(new SendState.Retrying(due, 2, "busy"), new SendState.Retrying(due, 2, null));
        assertEquals(new SendState.Queued(null), new SendState.Queued(null));
        assertNotEquals(new SendState.Queued(due), new SendState.Queued(due.plusSeconds(1)));
        assertNotEquals(new SendState.HandedOff("250"), new SendState.Uncertain("250"));
        assertNotEquals(new SendState.Uncertain("x"), new SendState.Failed("x"));
    }
}
