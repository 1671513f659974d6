package dev.envoi.compose;

import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.message.UnparsedRecipient;
import dev.envoi.ui.AddressProblems;
import dev.envoi.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;

/**
 * The To, Cc and Bcc fields of the message being written, and whether Cc and Bcc are shown (they
 * are, as soon as either holds an address). Part of {@link MessageViewModel}.
 */
final class MessageRecipients {

    private final RecipientListModel to;
    private final RecipientListModel cc;
    private final RecipientListModel bcc;
    private final BooleanProperty showCcBcc = new SimpleBooleanProperty();
    private final String refusedMark;

    MessageRecipients(Texts texts) {
        this.to = new RecipientListModel(texts.get("field.to"), AddressProblems::describe);
        this.cc = new RecipientListModel(texts.get("field.cc"), AddressProblems::describe);
        this.bcc = new RecipientListModel(texts.get("field.bcc"), AddressProblems::describe);
        this.refusedMark = texts.get("chip.refused");
    }

    RecipientListModel to() {
        return to;
    }

    RecipientListModel cc() {
        return cc;
    }

    RecipientListModel bcc() {
        return bcc;
    }

    BooleanProperty showCcBccProperty() {
        return showCcBcc;
    }

    /** The three fields, in the order their problems are told. */
    List<RecipientListModel> fields() {
        return List.of(to, cc, bcc);
    }

    /** Adds recipients given from outside (command line, mailto: link) as chips. */
    void add(List<Recipient> recipients) {
        for (Recipient r : recipients) {
            listFor(r.type()).chips().add(new RecipientChip(r.address().toDisplayString(), r.address(), ""));
        }
        showCcBcc.set(!cc.chips().isEmpty() || !bcc.chips().isEmpty());
    }

    /** The recipients of a draft read from the store; those the server refused are marked. */
    void load(DraftView view) {
        to.setAddresses(view.recipients(RecipientType.TO), view.refused(), refusedMark);
        cc.setAddresses(view.recipients(RecipientType.CC), view.refused(), refusedMark);
        bcc.setAddresses(view.recipients(RecipientType.BCC), view.refused(), refusedMark);
        // What was typed and is no address comes back as typed, marked invalid with its reason again.
        view.unparsed().forEach(u -> listFor(u.type()).commit(u.text()));
        showCcBcc.set(showCcBcc.get() || !cc.chips().isEmpty() || !bcc.chips().isEmpty());
    }

    /** Every valid address of the three fields, as the draft keeps them. */
    List<Recipient> all() {
        List<Recipient> recipients = new ArrayList<>();
        for (RecipientType type : RecipientType.values()) {
            listFor(type).addresses().forEach(a -> recipients.add(new Recipient(type, a)));
        }
        return recipients;
    }

    /** What was typed and is no address, kept in the draft as typed. */
    List<UnparsedRecipient> invalid() {
        return InvalidChips.of(to, cc, bcc);
    }

    /** What is typed and not yet a chip becomes one, so that Send sees it. */
    void commitPending() {
        fields().forEach(RecipientListModel::commitPending);
    }

    boolean isEmpty() {
        return to.chips().isEmpty() && cc.chips().isEmpty() && bcc.chips().isEmpty();
    }

    void clear() {
        fields().forEach(RecipientListModel::clear);
    }

    void addListener(ListChangeListener<Object> changed) {
        fields().forEach(field -> field.chips().addListener(changed));
    }

    private RecipientListModel listFor(RecipientType type) {
        return switch (type) {
            case TO -> to;
            case CC -> cc;
            case BCC -> bcc;
        };
    }
}
