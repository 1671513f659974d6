package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.message.MailAddress;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Issue 21: a profile with mail waiting in the outbox opens its window first and sends after. The
 * window's start-up probe records the instant the window takes typing; the sendmail stand-in
 * records the instant the spooler hands it the waiting message. The message still goes.
 */
@Timeout(90)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the sendmail stand-in is a POSIX shell script")
class SpoolerAfterFirstFrameTest {

    @TempDir
    Path temp;
    private Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        System.clearProperty(StartupProbe.PROPERTY);
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void mailWaitingInTheOutboxIsSentOnlyOnceTheWindowTakesTyping() throws Exception {
        Path handedAt = temp.resolve("handed-at");
        Path sendmail = temp.resolve("sendmail");
        // Microseconds since the epoch, as the probe writes them.
        Files.writeString(sendmail, "#!/bin/sh\ncat > /dev/null\necho $(( $(date +%s%N) / 1000 )) > '" + handedAt + "'\n");
        Files.setPosixFilePermissions(sendmail, PosixFilePermissions.fromString("rwx------"));
        Path profile = temp.resolve("profile");
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            store.accounts().put(Account.sendmail("local", new MailAddress("Émile", "emile@example.org"),
                    sendmail.toString(), false, true));
            store.submit(Drafts.draft("Waiting since yesterday"), SubmitOptions.undo(Duration.ZERO));
        }
        Path ready = temp.resolve("ready");
        System.setProperty(StartupProbe.PROPERTY, ready.toString());

        app = FxToolkit.setupApplication(EnvoiApp.class, "--profile", profile.toString());

        FxWait.until(() -> Files.exists(handedAt) && Files.exists(ready), "the window opens and the waiting mail goes");
        long windowReady = Long.parseLong(Files.readString(ready).trim());
        FxWait.until(() -> handedAt.toFile().length() > 0, "the stand-in wrote its time");
        long handedOff = Long.parseLong(Files.readString(handedAt).trim());
        assertTrue(handedOff > windowReady, "the spooler started after the first frame: handed off at " + handedOff
                + " µs, window ready at " + windowReady + " µs");
    }
}
