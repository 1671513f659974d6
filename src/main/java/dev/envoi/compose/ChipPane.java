package dev.envoi.compose;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * Chips in a row that wraps, as the recipient fields and the attachments show them. Locked, the
 * chips take no edits: their remove buttons hide but keep their room. Holding words (a sent
 * message's addresses or files, once the window has let go of them) the pane shows those words in
 * place of its chips, at the height the chips had, so nothing around it moves.
 */
public abstract class ChipPane extends FlowPane {

    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked");
    private final BooleanBinding unlocked = locked.not();
    private final StringProperty heldText = new SimpleStringProperty(this, "heldText", "");
    private final Label held = new Label();

    protected ChipPane() {
        setHgap(4);
        setVgap(4);
        held.getStyleClass().add("held-text");
        held.setWrapText(true);
        held.textProperty().bind(heldText);
        held.accessibleTextProperty().bind(Bindings.concat(accessibleTextProperty(), ": ", heldText));
        // Laid out by hand to fill the pane's box (layoutChildren), so the words never widen it;
        // what does not fit ends in an ellipsis. A child from the start, hidden: its styles are
        // worked out with the window's, not in the frame where a sent message's words appear.
        held.setManaged(false);
        held.setVisible(false);
        getChildren().add(held);
        heldText.addListener((o, was, text) -> {
            if (text.isEmpty()) {
                HeightPin.release(this);
            } else {
                HeightPin.hold(this);
            }
            showContent();
        });
    }

    /** True while the chips take no edits. */
    public BooleanProperty lockedProperty() {
        return locked;
    }

    /** Words shown in place of the chips; empty to show the chips again. */
    public StringProperty heldTextProperty() {
        return heldText;
    }

    protected boolean isLocked() {
        return locked.get();
    }

    /** The chips to show now. */
    protected abstract List<? extends Node> chips();

    /** A node kept after the chips (the recipient fields' text field), hidden while holding words; or null. */
    protected Node trailingNode() {
        return null;
    }

    /** Shows the chips in front of the trailing node (which stays put and keeps focus), or the held words. */
    protected final void showContent() {
        boolean holding = !heldText.get().isEmpty();
        Node trailing = trailingNode();
        if (trailing != null) {
            trailing.setVisible(!holding);
            trailing.setManaged(!holding);
        }
        held.setVisible(holding);
        getChildren().removeIf(node -> node != trailing && node != held);
        if (!holding) {
            getChildren().addAll(0, chips());
        }
    }

    /** A chip: its nodes, then a × button that runs {@code remove} and hides while locked. */
    protected final HBox chip(Button remove, Runnable removeAction, Node... content) {
        remove.setText("×");
        remove.getStyleClass().add("chip-remove");
        remove.setOnAction(e -> removeAction.run());
        // Hidden, not removed, when locked: the chip keeps its width and nothing moves.
        remove.visibleProperty().bind(unlocked);
        HBox node = new HBox(2, content);
        node.getChildren().add(remove);
        node.getStyleClass().add("chip");
        return node;
    }

    /** Holding words it was not showing when they came (a hidden Cc row), the pane is as tall as they need. */
    @Override
    protected double computePrefHeight(double width) {
        if (heldText.get().isEmpty()) {
            return super.computePrefHeight(width);
        }
        double sides = snappedLeftInset() + snappedRightInset();
        double inner = width < 0 ? -1 : Math.max(0, width - sides);
        return snappedTopInset() + held.prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double left = snappedLeftInset();
        double top = snappedTopInset();
        held.resizeRelocate(left, top, getWidth() - left - snappedRightInset(), getHeight() - top - snappedBottomInset());
    }
}
