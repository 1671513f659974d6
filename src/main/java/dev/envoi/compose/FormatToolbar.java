package dev.envoi.compose;

import dev.envoi.message.rich.BlockKind;
import dev.envoi.ui.Texts;
import java.util.Map;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The formatting bar above the body (compose.fxml's {@code formatBar}) and its shortcuts: each
 * button runs a {@link FormatCommands} command; the mark buttons show whether the selection has
 * the mark. The buttons take no focus, so Tab still goes from Subject to the body.
 */
final class FormatToolbar {

    private static final KeyCombination BOLD = shortcut(KeyCode.B);
    private static final KeyCombination ITALIC = shortcut(KeyCode.I);
    private static final KeyCombination UNDERLINE = shortcut(KeyCode.U);
    private static final KeyCombination LINK = shortcut(KeyCode.K);
    private static final KeyCombination CLEAR = shortcut(KeyCode.SPACE);

    private final Parent bar;
    private final BodyEditor editor;
    private final FormatCommands commands;
    private final Texts texts;
    private final Map<String, FormatCommands.Mark> markButtons = Map.of("boldButton", FormatCommands.Mark.BOLD,
            "italicButton", FormatCommands.Mark.ITALIC, "underlineButton", FormatCommands.Mark.UNDERLINE,
            "strikeButton", FormatCommands.Mark.STRIKE);

    private FormatToolbar(Parent bar, BodyEditor editor, Texts texts) {
        this.bar = bar;
        this.editor = editor;
        this.commands = new FormatCommands(editor);
        this.texts = texts;
    }

    static void install(Parent bar, BodyEditor editor, Texts texts, ObservableBooleanValue editing) {
        new FormatToolbar(bar, editor, texts).install(editing);
    }

    private void install(ObservableBooleanValue editing) {
        markButtons.forEach((id, mark) -> on(id, () -> commands.toggle(mark)));
        on("bulletListButton", () -> commands.toggleBlock(BlockKind.BULLET));
        on("numberedListButton", () -> commands.toggleBlock(BlockKind.NUMBERED));
        on("quoteButton", () -> commands.toggleBlock(BlockKind.QUOTE));
        on("indentButton", commands::indent);
        on("outdentButton", commands::outdent);
        on("linkButton", this::askForLink);
        on("clearFormatButton", commands::clearFormatting);
        on("undoButton", editor::undo);
        on("redoButton", editor::redo);
        // Change listeners: a binding's invalidation listener on these ReactFX values missed changes.
        button("undoButton").setDisable(true);
        button("redoButton").setDisable(true);
        editor.undoAvailableProperty().addListener((o, a, available) -> button("undoButton").setDisable(!available));
        editor.redoAvailableProperty().addListener((o, a, available) -> button("redoButton").setDisable(!available));
        for (Node node : bar.getChildrenUnmodifiable()) {
            node.setFocusTraversable(false);
            if (node instanceof ButtonBase b && b.getTooltip() == null && b.getAccessibleHelp() != null) {
                b.setTooltip(new Tooltip(b.getAccessibleHelp()));
            }
        }
        bar.disableProperty().bind(javafx.beans.binding.Bindings.not(editing));
        // The mark buttons show the marks where the caret or the selection is.
        editor.caretPositionProperty().addListener((o, a, b) -> showMarks());
        editor.selectionProperty().addListener((o, a, b) -> showMarks());
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
    }

    private void shortcuts(KeyEvent event) {
        if (BOLD.match(event)) {
            commands.toggle(FormatCommands.Mark.BOLD);
        } else if (ITALIC.match(event)) {
            commands.toggle(FormatCommands.Mark.ITALIC);
        } else if (UNDERLINE.match(event)) {
            commands.toggle(FormatCommands.Mark.UNDERLINE);
        } else if (LINK.match(event)) {
            askForLink();
        } else if (CLEAR.match(event)) {
            commands.clearFormatting();
        } else if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown() && !event.isShiftDown()
                && commands.endBlockIfEmpty()) {
            // Enter on an empty list item or quote line ends the list or quote, as in every composer.
            event.consume();
            return;
        } else if (event.getCode() == KeyCode.TAB && !event.isShortcutDown() && commands.inListItem()) {
            if (event.isShiftDown()) {
                commands.outdent();
            } else {
                commands.indent();
            }
        } else {
            return;
        }
        showMarks();
        event.consume();
    }

    private void askForLink() {
        if (!editor.isEditable()) {
            return;
        }
        LinkDialog.ask(editor, texts, editor.getSelectedText(), commands.currentLink(), commands::link);
    }

    private void showMarks() {
        markButtons.forEach((id, mark) -> {
            if (button(id) instanceof ToggleButton toggle) {
                toggle.setSelected(commands.isOn(mark));
            }
        });
    }

    private void on(String id, Runnable action) {
        button(id).setOnAction(e -> {
            action.run();
            showMarks();
        });
    }

    private ButtonBase button(String id) {
        return (ButtonBase) bar.lookup("#" + id);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
