package dev.envoi.compose;

import dev.envoi.message.AddressProblem;
import dev.envoi.message.MailAddress;
import dev.envoi.message.ParsedAddress;
import java.util.function.Function;

/**
 * One committed item of a recipient field: an address, or the text and why it is not one. A chip
 * is also marked when the server refused that address the last time the message was sent.
 */
public record RecipientChip(String text, MailAddress address, String problem) {

    /** A chip for one parsed item; {@code describe} says what is wrong in the user's language. */
    public static RecipientChip of(ParsedAddress parsed, Function<AddressProblem.Issue, String> describe) {
        if (parsed instanceof ParsedAddress.Valid valid) {
            return new RecipientChip(valid.address().toDisplayString(), valid.address(), "");
        }
        ParsedAddress.Invalid invalid = (ParsedAddress.Invalid) parsed;
        return new RecipientChip(invalid.text(), null, describe.apply(invalid.issue()));
    }

    public static RecipientChip refused(MailAddress address, String reason) {
        return new RecipientChip(address.toDisplayString(), address, reason);
    }

    public boolean isValid() {
        return address != null && problem.isEmpty();
    }

    /** Valid syntax but refused by the server: still sendable, shown marked. */
    public boolean isRefused() {
        return address != null && !problem.isEmpty();
    }
}
