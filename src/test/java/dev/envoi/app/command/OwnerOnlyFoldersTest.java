package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 8: every folder Envoi writes mail into is its owner's only, checked on the real file system. */
@Timeout(60)
class OwnerOnlyFoldersTest {

    @TempDir
    Path home;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "owner-only permissions need a POSIX file system");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aSendMakesOwnerOnlyFoldersAndTightensAWideProfile() throws Exception {
        Path profile = home.resolve("profile");
        Files.createDirectory(profile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path report = Files.writeString(home.resolve("report.txt"), "figures");

        CommandLineRun run = CommandLineRun.of(home, "send", "--to", "jane@example.org", "--subject", "figures",
                "--attach", report.toString(), "--undo-seconds", "0", "--wait=30", "--profile", profile.toString());
        assertEquals(ExitCode.OK, run.exitCode, run.toString());

        assertEquals("rwx------", mode(profile), "the existing profile folder is tightened");
        assertEquals("rwx------", mode(profile.resolve("pickup")));
        assertEquals("rwx------", mode(profile.resolve("pickup/.incoming")));
        List<Path> vaultFolders;
        try (Stream<Path> listed = Files.list(profile.resolve("vault"))) {
            vaultFolders = listed.filter(Files::isDirectory).toList();
        }
        assertTrue(vaultFolders.size() >= 2, "the hash folder beside .incoming: " + vaultFolders);
        for (Path folder : vaultFolders) {
            assertEquals("rwx------", mode(folder), folder.toString());
        }
    }
}
