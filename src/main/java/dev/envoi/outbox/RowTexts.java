package dev.envoi.outbox;

import dev.envoi.i18n.VisibleText;
import dev.envoi.message.MailAddress;
import dev.envoi.message.OutboxState;
import dev.envoi.message.SignInWait;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SentCopyEntry;
import dev.envoi.store.SentCopyState;
import dev.envoi.ui.Texts;
import java.time.Duration;

import java.util.Date;
import java.util.List;

/** Turns the store's outbox entries and summaries into the words of the outbox window. */
final class RowTexts {

    /** A message due this soon after its submit is in its undo window, not scheduled for later. */
    private static final Duration UNDO_AT_MOST = Duration.ofSeconds(60);

    private final Texts texts;

    RowTexts(Texts texts) {
        this.texts = texts;
    }

    OutboxRow row(OutboxEntry e, boolean cancellable, double progress) {
        return new OutboxRow(e.id(), e.state(), subject(e.subject()), recipients(e.to()), texts.size(e.size()),
                state(e, progress), e.state() == OutboxState.SENDING ? progress : -1, cancellable,
                e.account().isPresent());
    }

    FolderRow folderRow(MessageSummary s, boolean returned) {
        String note = returned && !s.returnReason().isEmpty() ? texts.get("draft.returned", VisibleText.of(s.returnReason())) : "";
        return new FolderRow(s.id(), subject(s.subject()), recipients(s.to()), texts.size(s.size()),
                texts.get("when", Date.from(s.modifiedAt())), note);
    }

    /** A Sent line; its note says where its copy for the server's Sent folder is, when it is not there yet. */
    FolderRow sentRow(MessageSummary s, SentCopyEntry copy) {
        FolderRow row = folderRow(s, false);
        if (copy == null) {
            return row;
        }
        return new FolderRow(row.id(), row.subject(), row.recipients(), row.size(), row.when(), copyNote(texts, copy));
    }

    /** Where a copy is, with the reason it is not there yet; the reason quotes a server, so shown visibly. */
    static String copyNote(Texts texts, SentCopyEntry copy) {
        String why = copy.lastError() == null ? "" : VisibleText.of(copy.lastError());
        return copy.state() == SentCopyState.FAILED ? texts.get("copy.failed", why)
                : why.isEmpty() ? texts.get("copy.pending") : texts.get("copy.retrying", why);
    }

    private String state(OutboxEntry e, double progress) {
        return switch (e.state()) {
            case QUEUED, DRAFT -> queued(e);
            case SENDING -> progress >= 0 ? texts.get("state.sendingProgress", Math.round(progress * 100))
                    : texts.get("state.sending");
            case RETRYING -> SignInWait.isWaiting(e.dueAt()) ? texts.get("state.signIn", VisibleText.of(e.lastError()))
                    // Waiting with no attempt made: its account cannot send it (the reason says so).
                    : e.attempts() == 0 ? texts.get("state.waiting", Date.from(e.dueAt()), VisibleText.of(e.lastError()))
                    : texts.get("state.retrying", Date.from(e.dueAt()), e.attempts(), VisibleText.of(e.lastError()));
            case FAILED -> texts.get("state.failed", VisibleText.of(e.lastError()));
            case UNCERTAIN -> texts.get("state.uncertain", VisibleText.of(e.lastError()));
        };
    }

    private String queued(OutboxEntry e) {
        boolean undoWindow = Duration.between(e.submittedAt(), e.dueAt()).compareTo(UNDO_AT_MOST) <= 0;
        return undoWindow ? texts.get("state.undo", Date.from(e.dueAt()))
                : texts.get("state.scheduled", Date.from(e.dueAt()));
    }

    String subject(String subject) {
        return subject == null || subject.isBlank() ? texts.get("noSubject") : VisibleText.of(subject);
    }

    private static String recipients(List<MailAddress> to) {
        // A name an older Envoi saved may hold a bidi control: shown, never obeyed. A loop, not a
        // stream and a joining collector: a year of Sent is read row by row as it scrolls.
        if (to.size() == 1) {
            return shown(to.get(0));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < to.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(shown(to.get(i)));
        }
        return out.toString();
    }

    private static String shown(MailAddress a) {
        return VisibleText.of(a.hasDisplayName() ? a.displayName() : a.address());
    }

}
