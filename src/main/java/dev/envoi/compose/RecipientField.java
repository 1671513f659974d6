package dev.envoi.compose;

import dev.envoi.i18n.VisibleText;
import dev.envoi.message.AddressScanner;
import dev.envoi.message.MailAddress;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import dev.envoi.ui.Texts;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * A recipient field: the committed addresses as chips, then a text field for the next ones.
 * Enter, Tab, a comma or semicolon (outside quotes) and focus loss commit what is typed; a
 * pasted list is split at once. An invalid address stays as a chip marked with its reason.
 * Locked, it takes no typing either (ChipPane).
 */
public final class RecipientField extends ChipPane {

    private final TextField editor = new TextField();
    private RecipientListModel model;
    private Texts texts;

    public RecipientField() {
        getStyleClass().add("recipient-field");
        editor.getStyleClass().add("recipient-editor");
        // As wide as what is typed (empty, a letter's room), then stretched to the end of its row
        // (layoutChildren): it wraps to a line of its own only when the typing needs the room, so
        // a row full of chips does not make the field two lines tall with an empty one.
        editor.prefColumnCountProperty().bind(Bindings.max(1, editor.textProperty().length().add(1)));
        getChildren().add(editor);
        setFocusTraversable(false);
        setOnMouseClicked(e -> editor.requestFocus());
        // The field's id and accessible text are set in FXML; the editor carries them for screen readers.
        idProperty().addListener((o, was, id) -> editor.setId(id == null ? null : id + "Input"));
        editor.accessibleTextProperty().bind(accessibleTextProperty());
        editor.setAccessibleRole(AccessibleRole.TEXT_FIELD);
        editor.editableProperty().bind(lockedProperty().not());
    }

    /** The text field that takes typing (tests and focus order use it). */
    public TextField editor() {
        return editor;
    }

    void bind(RecipientListModel listModel, Function<String, ? extends CompletionStage<List<MailAddress>>> suggestions,
              ValidationSupport validation, Texts texts) {
        this.texts = texts;
        this.model = listModel;
        editor.setTextFormatter(new TextFormatter<String>(this::commitCompleteItems));
        editor.textProperty().bindBidirectional(listModel.pendingProperty());
        editor.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        editor.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                listModel.commitPending();
            }
        });
        listModel.chips().addListener((ListChangeListener<RecipientChip>) c -> {
            showContent();
            validation.revalidate(editor);
        });
        new AddressSuggestions(editor, suggestions, address -> {
            listModel.pendingProperty().set("");
            listModel.commit(address.toDisplayString());
        }, texts.get("field.suggestions"));
        validation.registerValidator(editor, false, (control, value) -> listModel.invalid().stream().findFirst()
                .map(chip -> ValidationResult.fromError(editor, texts.get("error.invalidAddress",
                        listModel.fieldName(), chip.text(), chip.problem())))
                .orElseGet(ValidationResult::new));
        showContent();
    }

    private void keyPressed(KeyEvent event) {
        if (event.isShortcutDown() || event.isAltDown() || isLocked()) {
            return;
        }
        if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.TAB) {
            // Tab is not consumed: focus moves on as usual, with the address committed.
            boolean typed = !editor.getText().isBlank();
            model.commitPending();
            if (event.getCode() == KeyCode.ENTER && typed) {
                event.consume();
            }
        } else if (event.getCode() == KeyCode.BACK_SPACE && editor.getText().isEmpty() && !model.chips().isEmpty()) {
            model.remove(model.chips().get(model.chips().size() - 1));
            event.consume();
        }
    }

    /**
     * Commits every item before the last separator that is outside quotes (a typed comma, a pasted
     * list) as the text changes, and leaves only the rest in the field.
     */
    private TextFormatter.Change commitCompleteItems(TextFormatter.Change change) {
        String text = change.getControlNewText();
        int cut = AddressScanner.lastSeparator(text, AddressScanner.TYPED_SEPARATORS);
        if (cut < 0 || model == null) {
            return change;
        }
        // A pasted list is complete: its last item becomes a chip too. A typed comma ends one item.
        boolean pasted = change.getText().length() > 1;
        String rest = pasted ? "" : text.substring(cut + 1).stripLeading();
        model.commit(pasted ? text : text.substring(0, cut));
        change.setRange(0, change.getControlText().length());
        change.setText(rest);
        change.selectRange(rest.length(), rest.length());
        return change;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (editor.isVisible()) {
            double rest = getWidth() - snappedRightInset() - editor.getLayoutX();
            if (rest > editor.getWidth()) {
                editor.resize(rest, editor.getHeight());
            }
        }
    }

    @Override
    protected List<HBox> chips() {
        return model == null ? List.of() : model.chips().stream().map(this::chipNode).toList();
    }

    @Override
    protected Node trailingNode() {
        return editor;
    }

    private HBox chipNode(RecipientChip chip) {
        Button remove = new Button();
        remove.setFocusTraversable(false);
        // A name an older Envoi saved may hold a bidi control: shown, never obeyed.
        String shown = VisibleText.of(chip.text());
        remove.setAccessibleText(texts.get("remove.named", shown));
        HBox node = chip(remove, () -> model.remove(chip), new Label(shown));
        node.setAccessibleRole(AccessibleRole.TEXT);
        if (!chip.problem().isEmpty()) {
            node.getStyleClass().add(chip.isRefused() ? "chip-refused" : "chip-invalid");
            Tooltip.install(node, new Tooltip(chip.problem()));
            node.setAccessibleText(texts.get("chip.problem", shown, chip.problem()));
        } else {
            node.setAccessibleText(shown);
        }
        return node;
    }
}
