package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Accounts;
import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettings;
import dev.envoi.message.MailAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The account's "plain text only" default on a real compose view-model over a real store. */
@Timeout(30)
class PlainTextDefaultTest {

    @TempDir
    Path profile;
    private ComposeFixture fixture;
    private ComposeViewModel model;

    private static Sender sender(String account) {
        return new Sender(new MailAddress("Émile Envoi", account + "@example.org"), Optional.of(account), false);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (model != null) {
            model.dispose();
        }
        fixture.close();
    }

    @Test
    void aNewMessageStartsWithTheAccountsDefaultAndFollowsFromUntilTheUserChooses() throws Exception {
        fixture = new ComposeFixture(profile);
        fixture.store.accounts().put(Accounts.loopback("plain", 2525));
        fixture.store.accounts().put(Accounts.loopback("rich", 2526));
        fixture.store.writingSettings().put("plain", new WritingSettings(Signature.NONE, true));
        Sender plain = sender("plain");
        Sender rich = sender("rich");
        model = fixture.newViewModel(ComposeSettings.DEFAULT, List.of(plain, rich));
        PlainTextDefault follower = PlainTextDefault.attach(model.message(), fixture.store.writingSettings(), fixture.background,
                fixture.ui);
        fixture.ui.runUntil(follower::ready, Duration.ofSeconds(10), "the defaults are read");

        assertTrue(model.message().plainTextOnlyProperty().get(), "the account's default");
        model.message().senderProperty().set(rich);
        assertFalse(model.message().plainTextOnlyProperty().get(), "the other account's default");
        model.message().plainTextOnlyProperty().set(true);
        model.message().senderProperty().set(plain);
        model.message().senderProperty().set(rich);
        assertTrue(model.message().plainTextOnlyProperty().get(), "the user's own choice is kept");
    }
}
