package dev.envoi.message;

import java.util.Objects;

/**
 * One mailbox: an optional display name and the address itself. Built only through
 * {@link AddressParser} or {@link #of}, which refuse anything a mail header could not carry.
 */
public record MailAddress(String displayName, String address) {

    public MailAddress {
        Objects.requireNonNull(address, "address");
        // Mail headers keep no space around a name: strip it here, so the name saved is the name sent.
        displayName = displayName == null ? "" : displayName.strip();
        String problem = AddressRules.problemWithAddress(address);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        // Only what a header cannot carry is refused here. Bidirectional controls are refused where
        // text enters (entered, AddressParser): a name an older Envoi saved with one must still load.
        AddressProblem.Issue issue = AddressRules.issueWithStoredName(displayName);
        if (issue != null) {
            throw new IllegalArgumentException(issue.english());
        }
    }

    /**
     * A mailbox from text that is entering Envoi (an option, a form, a request): refused, with the
     * reason, if the name holds anything a new name may not hold, bidirectional controls included.
     */
    public static MailAddress entered(String displayName, String address) {
        MailAddress made = new MailAddress(displayName, address);
        AddressProblem.Issue issue = AddressRules.issueWithDisplayName(made.displayName());
        if (issue != null) {
            throw new IllegalArgumentException(issue.english());
        }
        return made;
    }

    /** What is wrong with a display name given on its own (trimmed as the record trims it), or null. */
    public static AddressProblem.Issue issueWithDisplayName(String displayName) {
        return AddressRules.issueWithDisplayName(displayName.strip());
    }

    /*
     * equals and hashCode are written out: a record's own are an invokedynamic call linked at its
     * first use, which the compose window paid on its FX thread before its first frame (issue 21).
     */

    @Override
    public boolean equals(Object other) {
        return other instanceof MailAddress that && address.equals(that.address) && displayName.equals(that.displayName);
    }

    @Override
    public int hashCode() {
        return displayName.hashCode() * 31 + address.hashCode();
    }

    public static MailAddress of(String address) {
        return new MailAddress("", address);
    }

    public boolean hasDisplayName() {
        return !displayName.isEmpty();
    }

    /** True when the address needs SMTPUTF8 (RFC 6531) to travel. */
    public boolean needsUtf8() {
        return address.chars().anyMatch(c -> c > 0x7f);
    }

    /** The form people read and type: {@code "Doe, Jane" <jane@example.org>}. */
    public String toDisplayString() {
        if (!hasDisplayName()) {
            return address;
        }
        return AddressRules.quoteIfNeeded(displayName) + " <" + address + ">";
    }

    @Override
    public String toString() {
        return toDisplayString();
    }
}
