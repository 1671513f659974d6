package dev.envoi.compose;

import dev.envoi.message.BodyFormatting;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.Draft;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import java.util.List;
import java.util.Optional;

/**
 * A copy of a draft read on the background executor, for the FX thread to load into the fields.
 * It holds values only, never the store's handle.
 */
record DraftView(MailAddress from, List<Recipient> recipients, List<MailAddress> refused, String subject,
                 String body, List<AttachmentItem> attachments, DeliveryRequests deliveryRequests,
                 String returnReason, BodyFormatting formatting) {

    static DraftView of(Draft draft) {
        var content = draft.content();
        return new DraftView(content.from(), content.recipients(), draft.refusedRecipients(), content.subject(),
                content.body(), content.attachments().stream()
                        .map(a -> new AttachmentItem(a, Optional.empty())).toList(),
                content.deliveryRequests(), draft.returnReason(), content.formatting());
    }

    List<MailAddress> recipients(RecipientType type) {
        return recipients.stream().filter(r -> r.type() == type).map(Recipient::address).toList();
    }
}
