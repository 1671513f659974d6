package dev.envoi.reliability;

import dev.envoi.store.MessageSummary;
import dev.envoi.store.SentCopyState;
import dev.envoi.store.SqliteMessageStore;
import java.nio.file.Path;
import java.util.List;

/**
 * After a trial, the copies in the server's Sent folder: a message in Sent has exactly one there
 * and its copy recorded done; a message that is not in Sent has none. A kill between APPEND and
 * its record must not leave two.
 */
final class SentFolderAudit {

    private SentFolderAudit() {
    }

    static void audit(TrialPlan plan, List<String> sentFolderSubjects, Path profile, TrialResult result) {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            for (TrialPlan.Message message : plan.messages()) {
                String token = message.token();
                long copies = sentFolderSubjects.stream().filter(token::equals).count();
                List<MessageSummary> sent = store.sent().stream().filter(s -> s.subject().equals(token)).toList();
                if (sent.isEmpty()) {
                    if (copies > 0) {
                        result.violation(token + " is not in Sent, yet the server's Sent folder has " + copies
                                + " copies of it (" + whereIs(store, token) + ")");
                    }
                    continue;
                }
                SentCopyState state = store.sentCopies().stateOf(sent.get(0).id());
                if (copies != 1) {
                    result.violation(token + " is in Sent and the server's Sent folder has it " + copies + " times"
                            + " (copy " + state.word() + ")");
                } else if (state != SentCopyState.DONE) {
                    result.violation(token + " is in the server's Sent folder but its copy is recorded " + state.word()
                            + store.sentCopies().unfinished().stream().filter(e -> e.subject().equals(token))
                                    .map(e -> ": " + e.lastError()).findFirst().orElse(""));
                }
            }
        }
    }

    /** Where a message is when it is not in Sent: its outbox state, or Drafts, or nowhere. */
    private static String whereIs(SqliteMessageStore store, String token) {
        return store.outbox().stream().filter(e -> e.subject().equals(token)).findFirst()
                .map(e -> "in the outbox, " + e.state() + ": " + e.lastError())
                .or(() -> store.drafts().stream().filter(d -> d.subject().equals(token)).findFirst()
                        .map(d -> "in Drafts: " + d.returnReason()))
                .orElse("in no folder");
    }
}
