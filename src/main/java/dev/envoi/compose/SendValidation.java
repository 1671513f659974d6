package dev.envoi.compose;

import dev.envoi.message.MailAddress;
import java.util.List;
import java.util.Optional;

/** What stops a message from being sent as it stands, said so the user knows what to fix. */
final class SendValidation {

    private SendValidation() {
    }

    static Optional<String> problem(MailAddress from, List<RecipientListModel> fields) {
        if (from == null) {
            return Optional.of("Choose who the message is from.");
        }
        for (RecipientListModel field : fields) {
            for (RecipientChip chip : field.invalid()) {
                return Optional.of(field.fieldName() + ": \"" + chip.text() + "\" is not a valid address ("
                        + chip.problem() + "). Correct it or remove it.");
            }
        }
        if (fields.stream().allMatch(f -> f.addresses().isEmpty())) {
            return Optional.of("Add at least one recipient in To, Cc or Bcc.");
        }
        return Optional.empty();
    }
}
