package dev.envoi.outbox;

import dev.envoi.i18n.VisibleText;
import dev.envoi.message.MailAddress;
import dev.envoi.message.OutboxState;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.OutboxEntry;
import dev.envoi.ui.Texts;
import java.time.Duration;

import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

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
                state(e, progress), e.state() == OutboxState.SENDING ? progress : -1, cancellable);
    }

    FolderRow folderRow(MessageSummary s, boolean returned) {
        String note = returned && !s.returnReason().isEmpty() ? texts.get("draft.returned", VisibleText.of(s.returnReason())) : "";
        return new FolderRow(s.id(), subject(s.subject()), recipients(s.to()), texts.size(s.size()),
                texts.get("when", Date.from(s.modifiedAt())), note);
    }

    private String state(OutboxEntry e, double progress) {
        return switch (e.state()) {
            case QUEUED, DRAFT -> queued(e);
            case SENDING -> progress >= 0 ? texts.get("state.sendingProgress", Math.round(progress * 100))
                    : texts.get("state.sending");
            case RETRYING -> texts.get("state.retrying", Date.from(e.dueAt()), e.attempts(), VisibleText.of(e.lastError()));
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
        return subject == null || subject.isBlank() ? texts.get("noSubject") : subject;
    }

    private static String recipients(List<MailAddress> to) {
        return to.stream().map(a -> a.hasDisplayName() ? a.displayName() : a.address())
                .collect(Collectors.joining(", "));
    }

}
