package dev.envoi.compose;

import dev.envoi.message.MailAddress;
import dev.envoi.message.TextControls;
import dev.envoi.ui.Texts;
import java.util.List;
import java.util.Optional;

/** What stops a message from being sent as it stands, said so the user knows what to fix. */
final class SendValidation {

    private SendValidation() {
    }

    static Optional<String> problem(MailAddress from, List<RecipientListModel> fields, String subject, Texts texts) {
        if (from == null) {
            return Optional.of(texts.get("error.noSender"));
        }
        String control = TextControls.problemInSubject(subject);
        if (control != null) {
            // Refused as in a name, and kept in the draft: the user removes it, nothing is lost.
            return Optional.of(texts.get("error.subjectControl", control));
        }
        for (RecipientListModel field : fields) {
            for (RecipientChip chip : field.invalid()) {
                return Optional.of(texts.get("error.invalidAddress", field.fieldName(), chip.text(), chip.problem()));
            }
        }
        if (fields.stream().allMatch(f -> f.addresses().isEmpty())) {
            return Optional.of(texts.get("error.noRecipient"));
        }
        return Optional.empty();
    }
}
