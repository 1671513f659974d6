package dev.envoi.message;

import java.util.List;
import java.util.Objects;

/**
 * Everything a person writes in a message, as one immutable value: what a save stores and what a
 * submit checks. {@code from} may be null until an identity is chosen; {@code deliveryRequests}
 * says what the sender asks to hear back (a null one asks nothing). {@code body} is always the
 * plain text; {@code formatting} holds the formatted form when there is one (issue 20).
 */
public record DraftContent(MailAddress from, List<Recipient> recipients, String subject, String body,
                           List<Attachment> attachments, DeliveryRequests deliveryRequests,
                           BodyFormatting formatting) {

    public static final DraftContent EMPTY = new DraftContent(null, List.of(), "", "", List.of());

    /** A message that asks for no delivery notification or read receipt. */
    public DraftContent(MailAddress from, List<Recipient> recipients, String subject, String body,
                        List<Attachment> attachments) {
        this(from, recipients, subject, body, attachments, DeliveryRequests.NONE);
    }

    /** A message without formatting: plain text, as before issue 20. */
    public DraftContent(MailAddress from, List<Recipient> recipients, String subject, String body,
                        List<Attachment> attachments, DeliveryRequests deliveryRequests) {
        this(from, recipients, subject, body, attachments, deliveryRequests, BodyFormatting.NONE);
    }

    public DraftContent {
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        deliveryRequests = deliveryRequests == null ? DeliveryRequests.NONE : deliveryRequests;
        formatting = formatting == null ? BodyFormatting.NONE : formatting;
        attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            // A line break in a subject is how header injection starts; fold it to a space.
            subject = subject.replaceAll("[\\r\\n]+", " ");
        }
        // A header's value loses the space around it on the way (RFC 5322 unfolding): the subject
        // saved is the subject the recipient reads.
        subject = subject.strip();
    }

    public List<MailAddress> recipientsOf(RecipientType type) {
        return recipients.stream().filter(r -> r.type() == type).map(Recipient::address).toList();
    }

    public boolean hasRecipients() {
        return !recipients.isEmpty();
    }

    public long attachmentBytes() {
        return attachments.stream().mapToLong(Attachment::size).sum();
    }

    public DraftContent withFrom(MailAddress newFrom) {
        return new DraftContent(newFrom, recipients, subject, body, attachments, deliveryRequests, formatting);
    }

    public DraftContent withRecipients(List<Recipient> newRecipients) {
        return new DraftContent(from, newRecipients, subject, body, attachments, deliveryRequests, formatting);
    }

    public DraftContent withSubject(String newSubject) {
        return new DraftContent(from, recipients, newSubject, body, attachments, deliveryRequests, formatting);
    }

    /** A new plain text: formatting made for the old text no longer fits it and is dropped. */
    public DraftContent withBody(String newBody) {
        return withBody(newBody, new BodyFormatting("", formatting.plainTextOnly()));
    }

    /** A new body, its plain text and its formatting together. */
    public DraftContent withBody(String newBody, BodyFormatting newFormatting) {
        return new DraftContent(from, recipients, subject, newBody, attachments, deliveryRequests, newFormatting);
    }

    public DraftContent withAttachments(List<Attachment> newAttachments) {
        return new DraftContent(from, recipients, subject, body, newAttachments, deliveryRequests, formatting);
    }

    public DraftContent withDeliveryRequests(DeliveryRequests newRequests) {
        return new DraftContent(from, recipients, subject, body, attachments, newRequests, formatting);
    }
}
