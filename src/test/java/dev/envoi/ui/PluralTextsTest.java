package dev.envoi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.i18n.Sentences;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Texts that count say "it" for one and "them" for more, in English and in French. */
class PluralTextsTest {

    private static String text(String bundle, Locale locale, String key, Object... args) {
        return Sentences.format(ResourceBundle.getBundle("dev.envoi." + bundle + ".messages", locale), key, args);
    }

    @Test
    void messagesBackInDrafts() {
        assertEquals("1 message was not sent and came back to Drafts: open it from Drafts.",
                text("compose", Locale.ENGLISH, "status.returnedDrafts", 1));
        assertEquals("2 messages were not sent and came back to Drafts: open them from Drafts.",
                text("compose", Locale.ENGLISH, "status.returnedDrafts", 2));
        assertEquals("1 message n’a pas été envoyé et est revenu dans les brouillons : ouvrez-le depuis Brouillons.",
                text("compose", Locale.FRENCH, "status.returnedDrafts", 1));
        assertEquals("2 messages n’ont pas été envoyés et sont revenus dans les brouillons : ouvrez-les depuis Brouillons.",
                text("compose", Locale.FRENCH, "status.returnedDrafts", 2));
    }

    @Test
    void addressesTheServerRefused() {
        assertEquals("250 OK (not delivered to a@x.org: the server refused it)",
                text("transport", Locale.ENGLISH, "receipt.partial", "250 OK", "a@x.org", 1));
        assertEquals("250 OK (not delivered to a@x.org, b@x.org: the server refused them)",
                text("transport", Locale.ENGLISH, "receipt.partial", "250 OK", "a@x.org, b@x.org", 2));
        assertEquals("250 OK (non remis à a@x.org : le serveur l’a refusé)",
                text("transport", Locale.FRENCH, "receipt.partial", "250 OK", "a@x.org", 1));
        assertEquals("250 OK (non remis à a@x.org, b@x.org : le serveur les a refusés)",
                text("transport", Locale.FRENCH, "receipt.partial", "250 OK", "a@x.org, b@x.org", 2));
    }

    @Test
    void waitingMessagesWhenQuitting() {
        assertEquals("Keep Envoi running until it is sent", text("app.desktop", Locale.ENGLISH, "quit.keep", 1));
        assertEquals("Keep Envoi running until they are sent", text("app.desktop", Locale.ENGLISH, "quit.keep", 3));
    }

    @Test
    void aReasonIsNotSaidTwice() {
        String reason = text("spool", Locale.ENGLISH, "route.noAccount", "a@x.org");
        assertEquals("Not sent: no account sends as a@x.org", text("outbox", Locale.ENGLISH, "draft.returned", reason)
                .substring(0, "Not sent: no account sends as a@x.org".length()));
        String raison = text("spool", Locale.FRENCH, "route.noAccount", "a@x.org");
        assertEquals("Non envoyé : aucun compte n’envoie en tant que a@x.org",
                text("outbox", Locale.FRENCH, "draft.returned", raison).substring(0,
                        "Non envoyé : aucun compte n’envoie en tant que a@x.org".length()));
    }
}
