package dev.envoi.store;

import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import java.util.List;

/** Ready-made message content for tests. */
public final class Drafts {

    private Drafts() {
    }

    public static DraftContent simple(String subject) {
        return new DraftContent(new MailAddress("Émile Envoi", "emile@example.org"),
                List.of(Recipient.to("jane@example.org")), subject, "Bonjour,\nà demain.\n", List.of());
    }

    public static DraftContent withoutRecipients() {
        return simple("nobody").withRecipients(List.of());
    }

    public static Draft draft(String subject) {
        return new Draft(simple(subject));
    }
}
