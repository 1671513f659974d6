package dev.envoi.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a desktop keeps what a program can always make again (the SQLite library's copy, the
 * class-data archive): nothing in it is the user's, so losing it only costs a slower start.
 */
public final class UserCacheFolder {

    private UserCacheFolder() {
    }

    /** Envoi's cache folder for the user running this process, if the platform names one. */
    public static Optional<Path> ofThisUser() {
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** Envoi's cache folder by each desktop's convention: XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows. */
    public static Optional<Path> of(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local == null || local.isBlank() ? Optional.empty() : Optional.of(Path.of(local, "Envoi", "cache"));
        }
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        if (os.startsWith("mac")) {
            return Optional.of(Path.of(home, "Library", "Caches", "Envoi"));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return Optional.of((xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("envoi"));
    }
}
