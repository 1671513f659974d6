package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.envoi.store.OutboxEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The account chosen in From is the one recorded with the submitted message, on a real store. */
@Timeout(30)
class FromAccountTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path profile;
    private ComposeFixture fixture;
    private ComposeViewModel model;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (model != null) {
            model.dispose();
        }
        fixture.close();
    }

    @Test
    void theSenderChosenAmongTwoOfTheSameAddressIsTheAccountTheMessageKeeps() throws Exception {
        fixture = new ComposeFixture(profile);
        Sender relay = new Sender(ComposeFixture.ME, Optional.of("relay"), true);
        Sender provider = new Sender(ComposeFixture.ME, Optional.of("provider"), true);
        model = fixture.newViewModel(ComposeSettings.DEFAULT, List.of(relay, provider));
        assertEquals("Émile Envoi <emile@example.org> (provider)", provider.toString(), "the name tells them apart");
        assertEquals(relay, model.message().senderProperty().get());

        model.message().senderProperty().set(provider);
        model.message().to().commit("jane@example.org");
        model.message().subjectProperty().set("through the provider");
        model.sending().send();
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.Queued
                || !model.errorProperty().get().isEmpty(), WAIT, "queued");

        assertInstanceOf(SendState.Queued.class, model.sending().sendStateProperty().get(),
                model.errorProperty().get());
        List<OutboxEntry> queued = fixture.store.outbox();
        assertEquals(Optional.of("provider"), queued.get(0).account());
        assertEquals(ComposeFixture.ME, model.message().fromProperty().get());
    }

    @Test
    void settingAnIdentityChoosesItsFirstSenderAndAddsAnUnknownOne() {
        fixture = new ComposeFixture(profile);
        Sender relay = new Sender(ComposeFixture.ME, Optional.of("relay"), false);
        model = fixture.newViewModel(ComposeSettings.DEFAULT, List.of(relay));
        dev.envoi.message.MailAddress other = dev.envoi.message.MailAddress.of("other@example.org");

        model.message().fromProperty().set(other);

        assertEquals(Sender.of(other), model.message().senderProperty().get());
        assertEquals(2, model.message().senders().size());
        model.message().fromProperty().set(ComposeFixture.ME);
        assertEquals(relay, model.message().senderProperty().get());
    }
}
