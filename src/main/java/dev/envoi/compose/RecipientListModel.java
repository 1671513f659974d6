package dev.envoi.compose;

import dev.envoi.message.AddressParser;
import dev.envoi.message.AddressProblem;
import dev.envoi.message.MailAddress;
import dev.envoi.message.ParsedAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The chips of one recipient field (To, Cc or Bcc). */
public final class RecipientListModel {

    private final String fieldName;
    private final Function<AddressProblem.Issue, String> describe;
    private final ObservableList<RecipientChip> chips = FXCollections.observableArrayList();
    private final StringProperty pending = new SimpleStringProperty("");

    /** A field named as the user reads it, whose problems {@code describe} puts in the user's language. */
    public RecipientListModel(String fieldName, Function<AddressProblem.Issue, String> describe) {
        this.fieldName = fieldName;
        this.describe = describe;
    }

    public String fieldName() {
        return fieldName;
    }

    public ObservableList<RecipientChip> chips() {
        return chips;
    }

    /** What is typed in the field and not yet a chip. */
    public StringProperty pendingProperty() {
        return pending;
    }

    /** Turns what is typed but not committed into chips (Send, focus loss). */
    public void commitPending() {
        String text = pending.get();
        if (text != null && !text.isBlank()) {
            pending.set("");
            commit(text);
        }
    }

    /** Commits typed or pasted text: each item of the list becomes a chip, valid or not. */
    public void commit(String text) {
        for (ParsedAddress parsed : AddressParser.parseList(text)) {
            chips.add(RecipientChip.of(parsed, describe));
        }
    }

    public void remove(RecipientChip chip) {
        chips.remove(chip);
    }

    public void setAddresses(List<MailAddress> addresses, List<MailAddress> refused, String reason) {
        Set<String> refusedKeys = refused.stream().map(a -> a.address().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        chips.setAll(addresses.stream().map(a -> refusedKeys.contains(a.address().toLowerCase(Locale.ROOT))
                ? RecipientChip.refused(a, reason) : new RecipientChip(a.toDisplayString(), a, "")).toList());
    }

    /** Every address that can be sent to (refused ones included: the user may have fixed the server). */
    public List<MailAddress> addresses() {
        return chips.stream().filter(c -> c.address() != null).map(RecipientChip::address).toList();
    }

    public List<RecipientChip> invalid() {
        return chips.stream().filter(c -> c.address() == null).toList();
    }

    public void clear() {
        chips.clear();
        pending.set("");
    }
}
