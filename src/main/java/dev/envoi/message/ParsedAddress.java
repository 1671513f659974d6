package dev.envoi.message;

/** One item of a typed recipient list: an address, or the text and why it is not one. */
public sealed interface ParsedAddress {

    /** What the person typed for this item. */
    String text();

    record Valid(MailAddress address) implements ParsedAddress {
        @Override
        public String text() {
            return address.toDisplayString();
        }
    }

    /** Text that is not an address, and why, in English ({@link #reason}) or as a kind to translate. */
    record Invalid(String text, AddressProblem.Issue issue) implements ParsedAddress {
        public String reason() {
            return issue.english();
        }
    }
}
