package dev.envoi.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a profile lives when --profile does not say: the per-user data folder of the OS. */
public final class ProfileLocation {

    private ProfileLocation() {
    }

    public static Path defaultFor(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Envoi");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Envoi");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative path there is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("envoi");
        }
        return home.resolve(".local").resolve("share").resolve("envoi");
    }
}
