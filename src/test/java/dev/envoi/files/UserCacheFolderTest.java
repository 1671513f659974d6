package dev.envoi.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserCacheFolderTest {

    @Test
    void theCacheFolderFollowsEachDesktopsConvention() {
        assertEquals(Optional.of(Path.of("/x/envoi")), UserCacheFolder.of(Map.of("XDG_CACHE_HOME", "/x"), "Linux", "/home/u"));
        assertEquals(Optional.of(Path.of("/home/u/.cache/envoi")),
                UserCacheFolder.of(Map.of("XDG_CACHE_HOME", "relative"), "Linux", "/home/u"));
        assertEquals(Optional.of(Path.of("/home/u/Library/Caches/Envoi")), UserCacheFolder.of(Map.of(), "Mac OS X", "/home/u"));
        assertEquals(Optional.empty(), UserCacheFolder.of(Map.of(), "Windows 11", "C:\\Users\\u"));
        assertEquals(Optional.of(Path.of("C:\\Users\\u\\AppData\\Local", "Envoi", "cache")),
                UserCacheFolder.of(Map.of("LOCALAPPDATA", "C:\\Users\\u\\AppData\\Local"), "Windows 11", "C:\\Users\\u"));
        assertEquals(Optional.empty(), UserCacheFolder.of(Map.of(), "Linux", ""));
    }
}
