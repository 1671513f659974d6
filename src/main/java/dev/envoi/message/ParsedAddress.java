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

    record Invalid(String text, String reason) implements ParsedAddress {
    }
}
