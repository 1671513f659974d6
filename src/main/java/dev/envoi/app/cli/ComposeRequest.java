package dev.envoi.app.cli;

import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the command line or a mailto: link asks to compose: recipients, subject, body, files, what
 * to hear back, and for `envoi send` how to send it. Everything in it was already checked.
 */
public record ComposeRequest(Optional<MailAddress> from, List<Recipient> recipients, String subject, String body,
                             List<Path> attachments, DeliveryRequests deliveryRequests, Optional<String> account,
                             Optional<Duration> undoWindow, Optional<Instant> sendAt) {

    public static final ComposeRequest EMPTY = new ComposeRequest(Optional.empty(), List.of(), "", "", List.of(),
            DeliveryRequests.NONE, Optional.empty(), Optional.empty(), Optional.empty());

    public ComposeRequest {
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    public boolean isEmpty() {
        return from.isEmpty() && recipients.isEmpty() && subject.isEmpty() && body.isEmpty() && attachments.isEmpty()
                && deliveryRequests.isNone();
    }
}
