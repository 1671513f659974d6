package dev.envoi.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileLocationTest {

    private static final Path HOME = Path.of("/home/emile");

    @Test
    void linuxFollowsXdgDataHome() {
        assertEquals(Path.of("/data/envoi"), ProfileLocation.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/data"), HOME));
        assertEquals(HOME.resolve(".local/share/envoi"), ProfileLocation.defaultFor("Linux", Map.of(), HOME));
        assertEquals(HOME.resolve(".local/share/envoi"),
                ProfileLocation.defaultFor("Linux", Map.of("XDG_DATA_HOME", "relative/path"), HOME),
                "a relative XDG_DATA_HOME is ignored, as the spec says");
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(HOME.resolve("Library/Application Support/Envoi"), ProfileLocation.defaultFor("Mac OS X", Map.of(), HOME));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("C:/Users/emile/AppData/Roaming").resolve("Envoi"),
                ProfileLocation.defaultFor("Windows 11", Map.of("APPDATA", "C:/Users/emile/AppData/Roaming"), HOME));
        assertEquals(HOME.resolve("AppData/Roaming/Envoi"), ProfileLocation.defaultFor("Windows 11", Map.of(), HOME));
    }
}
