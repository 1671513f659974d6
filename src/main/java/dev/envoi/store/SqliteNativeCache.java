package dev.envoi.store;

import dev.envoi.files.OwnerOnly;
import dev.envoi.files.UserCacheFolder;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library in a cache folder of the user's, so that opening a profile
 * loads it from there. Left to itself, the driver lists the whole temporary folder, then writes
 * its library out of the jar into a new file and reads both back to compare them, at every start:
 * a third of opening a profile, on the way to the first window (docs/benchmarks.md, benchmark 7).
 * The cached copy is named after the jar entry's CRC and checked against it before each use, so a
 * new driver version, or a damaged or half-written file, is never loaded: it is written again.
 * When anything goes wrong here the driver is left to do as it always did.
 */
final class SqliteNativeCache {

    static final String LIB_PATH = "org.sqlite.lib.path";
    static final String LIB_NAME = "org.sqlite.lib.name";
    static final String TEMP_DIR = "org.sqlite.tmpdir";
    static final String PLATFORM_FILE = "platform.txt";

    private static volatile boolean prepared;

    private SqliteNativeCache() {
    }

    /** Points the driver at the cached library once per process, before its first connection. */
    static void prepare() {
        if (prepared) {
            return;
        }
        synchronized (SqliteNativeCache.class) {
            if (!prepared && System.getProperty(LIB_PATH) == null) {
                UserCacheFolder.ofThisUser().map(folder -> folder.resolve("sqlite"))
                        .flatMap(SqliteNativeCache::cachedLibrary).ifPresent(library -> {
                            System.setProperty(LIB_PATH, library.getParent().toString());
                            System.setProperty(LIB_NAME, library.getFileName().toString());
                            // The driver still lists this folder for its own leftovers: a small one.
                            System.setProperty(TEMP_DIR, library.getParent().toString());
                        });
            }
            prepared = true;
        }
    }

    /**
     * The library for this platform in {@code folder}, written there first if missing or not the
     * jar's; empty when the driver has no library for this platform in a jar, or the folder cannot
     * be written.
     */
    static Optional<Path> cachedLibrary(Path folder) {
        try {
            String resource = resource(folder);
            URL url = LibraryLoaderUtil.class.getResource(resource);
            if (url == null) {
                return Optional.empty();
            }
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return Optional.empty();
            }
            ZipEntry entry = jar.getJarEntry();
            if (entry.getCrc() < 0 || entry.getSize() < 0) {
                return Optional.empty();
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            Path library = folder.resolve(String.format("%s-%08x-%d%s", dot < 0 ? name : name.substring(0, dot),
                    entry.getCrc(), entry.getSize(), dot < 0 ? "" : name.substring(dot)));
            if (!matches(library, entry)) {
                write(jar, library);
                if (!matches(library, entry)) {
                    return Optional.empty();
                }
            }
            return Optional.of(library);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Which of the driver's libraries this platform loads. The driver works it out with a `uname -o`
     * child process (is this Android?) among other checks; the answer is kept beside the library,
     * for this JVM and this driver jar, so that a start spawns nothing.
     */
    private static String resource(Path folder) throws IOException {
        String platform = String.join("|", System.getProperty("java.home", ""), System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""), String.valueOf(LibraryLoaderUtil.class.getProtectionDomain()
                        .getCodeSource().getLocation()));
        Path known = folder.resolve(PLATFORM_FILE);
        if (Files.isRegularFile(known)) {
            List<String> lines = Files.readAllLines(known, StandardCharsets.UTF_8);
            if (lines.size() == 2 && lines.get(0).equals(platform) && lines.get(1).startsWith("/")) {
                return lines.get(1);
            }
        }
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        OwnerOnly.createDirectories(folder);
        Path part = Files.createTempFile(folder, "part-", ".tmp");
        try {
            Files.writeString(part, platform + "\n" + resource + "\n", StandardCharsets.UTF_8);
            Files.move(part, known, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return resource;
    }

    private static boolean matches(Path library, ZipEntry entry) throws IOException {
        if (!Files.isRegularFile(library) || Files.size(library) != entry.getSize()) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(library));
        return crc.getValue() == entry.getCrc();
    }

    /** Into a file of its own first: another Envoi starting now may be loading the name. */
    private static void write(JarURLConnection jar, Path library) throws IOException {
        OwnerOnly.createDirectories(library.getParent());
        Path part = Files.createTempFile(library.getParent(), "part-", ".tmp");
        try {
            try (InputStream in = jar.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
