package dev.envoi.compose;

import dev.envoi.message.MailAddress;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Popup;

/**
 * Addresses used before, offered under a recipient field as the user types; never imposed. A
 * suggestion is taken only when the user picks it: arrow keys then Enter, or a click. Nothing is
 * selected until then, so Tab and Enter commit exactly what was typed. Suggestions looked up for a
 * text the user has since changed are dropped: a lookup that comes back late (a busy machine)
 * never shows, let alone replaces, what the user typed after it.
 */
final class AddressSuggestions {

    /** Rows of a fixed height, so the list is exactly as tall as its rows: no empty row below them. */
    static final double ROW_HEIGHT = 24;

    private final TextField editor;
    private final Function<String, ? extends CompletionStage<List<MailAddress>>> lookup;
    private final Consumer<MailAddress> picked;
    private final String accessibleName;
    /** Made when there is first something to suggest: three of them cost a new window's start a tenth. */
    private ListView<MailAddress> list;
    private Popup popup;

    AddressSuggestions(TextField editor, Function<String, ? extends CompletionStage<List<MailAddress>>> lookup,
                       Consumer<MailAddress> picked, String accessibleName) {
        this.editor = editor;
        this.lookup = lookup;
        this.picked = picked;
        this.accessibleName = accessibleName;
        editor.textProperty().addListener((o, was, text) -> textChanged(text));
        editor.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                hide();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** The list, while it shows (tests look at it). */
    ListView<MailAddress> list() {
        popup();
        return list;
    }

    private Popup popup() {
        if (popup != null) {
            return popup;
        }
        list = new ListView<>();
        popup = new Popup();
        list.getStyleClass().add("address-suggestions");
        list.setAccessibleText(accessibleName);
        // The typing stays in the field: the list never takes the focus, the field's keys drive it.
        list.setFocusTraversable(false);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setCellFactory(v -> new SuggestionCell());
        list.prefHeightProperty().bind(Bindings.size(list.getItems()).multiply(ROW_HEIGHT)
                .add(Bindings.createDoubleBinding(() -> list.snappedTopInset() + list.snappedBottomInset(),
                        list.insetsProperty())));
        list.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                pick(list.getSelectionModel().getSelectedItem());
            }
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        return popup;
    }

    private void hide() {
        if (popup != null) {
            popup.hide();
        }
    }

    boolean isShowing() {
        return popup != null && popup.isShowing();
    }

    private void textChanged(String text) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.isEmpty() || !editor.isFocused() || !editor.isEditable()) {
            hide();
            return;
        }
        lookup.apply(wanted).thenAccept(found -> Platform.runLater(() -> show(wanted, found)));
    }

    private void show(String lookedUp, List<MailAddress> found) {
        // Only the answer for what the field holds now; an older one would offer the wrong names.
        if (!lookedUp.equals(editor.getText().strip()) || !editor.isFocused()) {
            return;
        }
        if (found.isEmpty()) {
            hide();
            return;
        }
        popup();
        list.getItems().setAll(found);
        list.getSelectionModel().clearSelection();
        if (!popup.isShowing() && editor.getScene() != null && editor.getScene().getWindow() != null) {
            Bounds bounds = editor.localToScreen(editor.getBoundsInLocal());
            popup.show(editor, bounds.getMinX(), bounds.getMaxY());
        }
    }

    private void keyPressed(KeyEvent event) {
        if (!isShowing()) {
            return;
        }
        int selected = list.getSelectionModel().getSelectedIndex();
        switch (event.getCode()) {
            case DOWN -> {
                list.getSelectionModel().select(Math.min(selected + 1, list.getItems().size() - 1));
                list.scrollTo(list.getSelectionModel().getSelectedIndex());
                event.consume();
            }
            case UP -> {
                if (selected <= 0) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(selected - 1);
                }
                event.consume();
            }
            case ENTER -> {
                if (selected >= 0) {
                    pick(list.getItems().get(selected));
                    event.consume();
                }
            }
            case ESCAPE -> {
                popup.hide();
                event.consume();
            }
            default -> {
                if (event.getCode() == KeyCode.TAB) {
                    popup.hide();
                }
            }
        }
    }

    private void pick(MailAddress address) {
        popup.hide();
        picked.accept(address);
    }

    private static final class SuggestionCell extends ListCell<MailAddress> {
        @Override
        protected void updateItem(MailAddress item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.toDisplayString());
            setAccessibleText(getText());
        }
    }
}
