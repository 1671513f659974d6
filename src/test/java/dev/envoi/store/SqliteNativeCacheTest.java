package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeCacheTest {

    @TempDir
    Path dir;

    @Test
    void theCachedLibraryIsTheDriversOwnAndADamagedCopyIsWrittenAgain() throws Exception {
        Path library = SqliteNativeCache.cachedLibrary(dir.resolve("cache")).orElseThrow();
        byte[] original;
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath()
                + "/" + LibraryLoaderUtil.getNativeLibName())) {
            original = in.readAllBytes();
        }
        assertArrayEquals(original, Files.readAllBytes(library));

        byte[] damaged = original.clone();
        damaged[damaged.length / 2] ^= 1;
        Files.write(library, damaged);
        assertEquals(Optional.of(library), SqliteNativeCache.cachedLibrary(dir.resolve("cache")));
        assertArrayEquals(original, Files.readAllBytes(library));
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of(library.getFileName().toString(), SqliteNativeCache.PLATFORM_FILE),
                    files.map(f -> f.getFileName().toString()).sorted(java.util.Comparator.comparing(
                            (String n) -> n.equals(SqliteNativeCache.PLATFORM_FILE))).toList(),
                    "no half-written file is left behind");
        }
    }

    /** A real process opening a real profile maps the library from the cache, and extracts nothing to the temp folder. */
    @Test
    void aProfileOpensWithTheCachedLibraryAndNothingInTheTempFolder() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "reads the child's memory map (Linux)");
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Path cache = dir.resolve("xdg-cache");
        for (int start = 0; start < 2; start++) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                    OpenProfileChild.class.getName(), dir.resolve("profile").toString()).redirectErrorStream(true);
            builder.environment().put("XDG_CACHE_HOME", cache.toString());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), out);
            assertTrue(out.lines().anyMatch(line -> line.contains(cache.resolve("envoi").resolve("sqlite").toString())),
                    "start " + start + " maps the cached library: " + out);
            try (Stream<Path> files = Files.list(temp)) {
                assertEquals("", files.map(Path::toString).filter(n -> n.contains("sqlite"))
                        .collect(Collectors.joining(" ")), "nothing extracted into the temp folder");
            }
        }
    }

    /** Opens a profile, then prints the native libraries it mapped whose name says SQLite. */
    public static final class OpenProfileChild {
        private OpenProfileChild() {
        }

        public static void main(String[] args) throws Exception {
            try (SqliteMessageStore store = SqliteMessageStore.open(Path.of(args[0]))) {
                store.sent();
                Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("sqlitejdbc"))
                        .map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct().forEach(System.out::println);
            }
        }
    }
}
