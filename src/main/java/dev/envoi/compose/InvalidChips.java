package dev.envoi.compose;

import dev.envoi.message.RecipientType;
import dev.envoi.message.UnparsedRecipient;
import java.util.ArrayList;
import java.util.List;

/**
 * The chips of To, Cc and Bcc that hold no address, as the draft keeps them: the text as typed,
 * so a saved draft loses nothing the user wrote, and the chip comes back marked invalid.
 */
final class InvalidChips {

    private InvalidChips() {
    }

    static List<UnparsedRecipient> of(RecipientListModel to, RecipientListModel cc, RecipientListModel bcc) {
        List<UnparsedRecipient> kept = new ArrayList<>();
        add(kept, RecipientType.TO, to);
        add(kept, RecipientType.CC, cc);
        add(kept, RecipientType.BCC, bcc);
        return kept;
    }

    private static void add(List<UnparsedRecipient> kept, RecipientType type, RecipientListModel field) {
        field.invalid().forEach(chip -> kept.add(new UnparsedRecipient(type, chip.text())));
    }
}
