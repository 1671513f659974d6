package dev.envoi.reliability;

import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.MimeRoundTrip;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * After a trial: where each planned message is (Drafts, Outbox, Sent), how often the server has
 * it, and whether that keeps the promise: each submitted message received exactly once, or
 * UNCERTAIN and received at most once, or still in Drafts/Outbox intact and not received; nothing
 * acknowledged is lost, nothing is received twice, nothing is stored twice.
 */
final class TrialAudit {

    private final TrialPlan plan;
    private final ChildLog log;
    private final List<ReceivedMail> received;
    private final TrialResult result;

    private TrialAudit(TrialPlan plan, ChildLog log, List<ReceivedMail> received, TrialResult result) {
        this.plan = plan;
        this.log = log;
        this.received = received;
        this.result = result;
    }

    static void audit(TrialPlan plan, ChildLog log, List<byte[]> kept, Path profile, TrialResult result) {
        List<ReceivedMail> received = kept.stream().map(ReceivedMail::parse).toList();
        TrialAudit audit = new TrialAudit(plan, log, received, result);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            for (TrialPlan.Message message : plan.messages()) {
                audit.check(store, message);
            }
        }
        for (ReceivedMail mail : received) {
            if (plan.messages().stream().noneMatch(m -> m.token().equals(mail.subject()))) {
                result.violation("the server received a message nobody wrote: " + mail.subject());
            }
        }
    }

    private void check(SqliteMessageStore store, TrialPlan.Message message) {
        ChildLog.Acks acks = log.of(message.index());
        String token = message.token();
        List<MessageSummary> drafts = store.drafts().stream().filter(d -> d.subject().equals(token)).toList();
        List<OutboxEntry> queued = store.outbox().stream().filter(e -> e.subject().equals(token)).toList();
        List<MessageSummary> sent = store.sent().stream().filter(s -> s.subject().equals(token)).toList();
        List<ReceivedMail> copies = received.stream().filter(r -> r.subject().equals(token)).toList();
        result.messages++;
        if (acks.submitted) {
            result.submitted++;
        }
        if (!copies.isEmpty()) {
            result.received++;
        }
        int stored = drafts.size() + queued.size() + sent.size();
        if (stored > 1) {
            result.violation(token + " is stored " + stored + " times");
        }
        if (copies.size() > 1) {
            result.duplicated++;
            result.violation(token + " was received " + copies.size() + " times");
        }
        for (ReceivedMail copy : copies) {
            checkReceived(message, copy);
        }
        if (stored == 0) {
            if (acks.lastSaved >= 0 || acks.submitted) {
                result.lost++;
                result.violation(token + " is lost: it was " + (acks.submitted ? "submitted" : "saved") + " and is nowhere");
            }
            if (!copies.isEmpty()) {
                result.violation(token + " was received but Envoi has no record of it");
            }
            return;
        }
        if (!sent.isEmpty()) {
            result.sent++;
            DraftContent filed = store.sentContent(sent.get(0).id());
            checkSubmittedVersion(message, filed, "in Sent");
            checkAttachments(store, token, filed, "in Sent");
            if (copies.size() != 1) {
                result.violation(token + " is in Sent but the server has it " + copies.size() + " times");
            }
        } else if (!queued.isEmpty()) {
            checkQueued(message, queued.get(0), copies.size());
        } else {
            checkDraft(store, message, acks, drafts.get(0), copies.size());
        }
    }

    private void checkQueued(TrialPlan.Message message, OutboxEntry entry, int copies) {
        String token = message.token();
        switch (entry.state()) {
            case UNCERTAIN -> result.uncertain++;
            case RETRYING -> {
                result.inOutbox++;
                if (copies > 0) {
                    result.violation(token + " waits for a retry although the server has it");
                }
            }
            default -> {
                result.inOutbox++;
                result.violation(token + " is " + entry.state() + " after the restart finished"
                        + (entry.lastError() == null ? "" : ": " + entry.lastError()));
            }
        }
    }

    private void checkDraft(SqliteMessageStore store, TrialPlan.Message message, ChildLog.Acks acks,
                            MessageSummary summary, int copies) {
        String token = message.token();
        result.inDrafts++;
        if (copies > 0) {
            result.violation(token + " is in Drafts although the server has it (sending it again would duplicate it)");
        }
        DraftContent content = store.openDraft(summary.id()).content();
        int version = versionOf(message, content);
        if (version < 0) {
            result.violation(token + " in Drafts matches none of its versions (damaged)");
            return;
        }
        if (acks.submitted && !acks.cancelStarted) {
            result.violation(token + " was submitted and came back to Drafts without a cancel: "
                    + summary.returnReason());
        } else if (acks.submitted && version != message.submittedVersion()) {
            result.violation(token + " came back from a cancel as version " + version);
        } else if (!acks.submitted && version < acks.lastSaved) {
            result.violation(token + " in Drafts is version " + version + ", older than the acknowledged save "
                    + acks.lastSaved);
        }
        checkAttachments(store, token, content, "in Drafts");
    }

    /** Each attachment's vault file is there and whole (the store's stream checks size and hash). */
    private void checkAttachments(SqliteMessageStore store, String token, DraftContent content, String where) {
        for (Attachment attachment : content.attachments()) {
            try (InputStream in = store.openAttachment(attachment)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (Exception e) {
                result.violation(token + " " + where + " has a damaged attachment: " + e.getMessage());
            }
        }
    }

    private void checkSubmittedVersion(TrialPlan.Message message, DraftContent content, String where) {
        if (versionOf(message, content) != message.submittedVersion()) {
            result.violation(message.token() + " " + where + " is not the submitted version");
        }
    }

    private void checkReceived(TrialPlan.Message message, ReceivedMail copy) {
        int version = message.submittedVersion();
        String body = plan.body(message, version);
        // SMTP ends the last line of every message: a body without a final line break gains one.
        boolean bodyOk = copy.body().equals(body) || !body.endsWith("\n") && copy.body().equals(body + "\n");
        boolean fileOk = message.hasAttachment()
                ? message.attachmentName().equals(copy.attachmentName())
                        && plan.attachmentSha256(message).equals(copy.attachmentSha256())
                : copy.attachmentName() == null;
        if (!bodyOk || !fileOk) {
            result.violation(message.token() + " arrived changed (" + (bodyOk ? "" : "body " + difference(
                    plan.body(message, version), copy.body())) + (fileOk ? "" : " attachment") + ")");
        }
    }

    private static String difference(String expected, String actual) {
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        return "differs at " + at + " of " + expected.length() + "/" + actual.length() + ": expected \""
                + MimeRoundTrip.escape(expected.substring(Math.max(0, at - 20), Math.min(expected.length(), at + 20)))
                + "\", got \"" + MimeRoundTrip.escape(actual.substring(Math.max(0, at - 20), Math.min(actual.length(), at + 20)))
                + "\"";
    }

    /** Which version of the message this content is, or -1 if none. */
    private int versionOf(TrialPlan.Message message, DraftContent content) {
        for (int v = 0; v <= message.submittedVersion(); v++) {
            if (matches(message, v, content)) {
                return v;
            }
        }
        return -1;
    }

    private boolean matches(TrialPlan.Message message, int version, DraftContent content) {
        if (!content.subject().equals(message.token()) || !content.body().equals(plan.body(message, version))
                || !content.recipients().equals(message.recipients()) || !TrialPlan.SENDER.equals(content.from())) {
            return false;
        }
        List<String> files = new ArrayList<>();
        for (Attachment a : content.attachments()) {
            files.add(a.fileName() + "/" + a.size() + "/" + a.sha256());
        }
        List<String> expected = plan.hasAttachmentAt(message, version)
                ? List.of(message.attachmentName() + "/" + message.attachmentBytes() + "/" + plan.attachmentSha256(message))
                : List.of();
        return files.equals(expected);
    }
}
