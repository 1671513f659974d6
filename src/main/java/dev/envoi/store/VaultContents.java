package dev.envoi.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How many attachment files a vault holds (imports still under way, in .incoming, not counted). */
final class VaultContents {

    private VaultContents() {
    }

    static long count(Path vault) {
        if (!Files.isDirectory(vault)) {
            return 0;
        }
        Path incoming = vault.resolve(".incoming");
        try (Stream<Path> files = Files.walk(vault)) {
            return files.filter(p -> !p.startsWith(incoming)).filter(Files::isRegularFile).count();
        } catch (IOException | UncheckedIOException e) {
            // A vault that cannot be read is not proof of an empty one: count it as holding files.
            return 1;
        }
    }
}
