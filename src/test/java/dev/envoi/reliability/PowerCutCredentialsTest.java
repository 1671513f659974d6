package dev.envoi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.FileCredentials;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret kept in the profile's credentials file (`--password-store file`) survives a power cut
 * once `store` returned: the file's bytes and its new name are both synced. Found by reading the
 * code during the power-cut campaign, whose accounts keep no password.
 */
class PowerCutCredentialsTest {

    private static final Account ACCOUNT = new Account("work", MailAddress.of("me@example.org"), "smtp.example.org",
            587, SmtpSecurity.STARTTLS, "me", AuthMethod.PASSWORD, 0, true, false, false, "", true);

    @TempDir
    Path root;
    private Path live;
    private Path disk;

    @BeforeEach
    void fuseWorksHere() throws Exception {
        assumeTrue(PowerCutFs.unavailableReason(root).isEmpty(), () -> "skipped: " + PowerCutFs.unavailableReason(root));
        live = Files.createDirectories(root.resolve("live"));
        disk = Files.createDirectories(root.resolve("disk"));
    }

    @Test
    void aStoredSecretSurvivesAPowerCut() throws Exception {
        Files.createDirectories(live.resolve("profile")); // an old profile, on the disk already
        Path image;
        try (PowerCutFs fs = PowerCutFs.mount(live, disk, root.resolve("image"), 1, false)) {
            new FileCredentials(disk.resolve("profile")).store(ACCOUNT, "s3cret".toCharArray());
            fs.cut();
            image = fs.image();
        }
        Optional<char[]> kept = new FileCredentials(image.resolve("profile")).secretFor(ACCOUNT);
        assertEquals("s3cret", kept.map(String::new).orElse("(gone)"));
    }
}
