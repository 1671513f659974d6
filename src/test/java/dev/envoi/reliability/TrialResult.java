package dev.envoi.reliability;

import java.util.ArrayList;
import java.util.List;

/** The counts of one crash trial (or, added up, of a campaign), and every broken promise found. */
final class TrialResult {

    int trials;
    int kills;
    int messages;
    int submitted;
    int received;
    int sent;
    int uncertain;
    int inDrafts;
    int inOutbox;
    int lost;
    int duplicated;
    final List<String> violations = new ArrayList<>();

    void violation(String text) {
        violations.add(text);
    }

    void add(TrialResult other) {
        trials += other.trials;
        kills += other.kills;
        messages += other.messages;
        submitted += other.submitted;
        received += other.received;
        sent += other.sent;
        uncertain += other.uncertain;
        inDrafts += other.inDrafts;
        inOutbox += other.inOutbox;
        lost += other.lost;
        duplicated += other.duplicated;
    }

    String figures() {
        return String.format("%d trials, %d kills, %d messages (%d submitted): %d received, %d in Sent, %d uncertain, "
                        + "%d in Drafts, %d in the Outbox; %d lost, %d duplicated", trials, kills, messages, submitted,
                received, sent, uncertain, inDrafts, inOutbox, lost, duplicated);
    }
}
