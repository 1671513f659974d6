package dev.envoi.compose;

import java.util.function.ToDoubleFunction;
import javafx.beans.DefaultProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Holds one node whose changes of content must not lay out the window again: the status words and
 * the progress bar while a message goes out. A change of a label's text or of a bar's progress asks
 * for a layout, and JavaFX passes that request up to the nearest layout root, by default the
 * window's root, so every tick of a transfer laid out the whole window (benchmark 5). The content
 * is held unmanaged, which makes it a layout root of its own (see {@link Node#managedProperty()}):
 * its requests stop at it, and the fence lays it out in the room its parent gives the fence.
 * The fence reports the content's sizes, as asked when its parent lays out for other reasons; it
 * is for content whose size a change of content does not change, or that takes what room is left.
 */
@DefaultProperty("content")
public final class LayoutFence extends Region {

    private final ObjectProperty<Node> content = new SimpleObjectProperty<>(this, "content");

    public LayoutFence() {
        content.addListener((o, was, now) -> {
            if (now == null) {
                getChildren().clear();
            } else {
                now.setManaged(false);
                getChildren().setAll(now);
            }
        });
    }

    public ObjectProperty<Node> contentProperty() {
        return content;
    }

    public Node getContent() {
        return content.get();
    }

    public void setContent(Node node) {
        content.set(node);
    }

    @Override
    protected void layoutChildren() {
        Node node = content.get();
        if (node != null) {
            double top = snappedTopInset();
            double left = snappedLeftInset();
            layoutInArea(node, left, top, getWidth() - left - snappedRightInset(),
                    getHeight() - top - snappedBottomInset(), 0, HPos.LEFT, VPos.CENTER);
        }
    }

    @Override
    public double getBaselineOffset() {
        Node node = content.get();
        return node == null ? super.getBaselineOffset() : node.getLayoutY() + node.getBaselineOffset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return horizontal(ofContent(node -> node.minWidth(height)));
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontal(ofContent(node -> node.prefWidth(height)));
    }

    @Override
    protected double computeMaxWidth(double height) {
        return horizontal(ofContent(node -> node.maxWidth(height)));
    }

    @Override
    protected double computeMinHeight(double width) {
        return vertical(ofContent(node -> node.minHeight(width)));
    }

    @Override
    protected double computePrefHeight(double width) {
        return vertical(ofContent(node -> node.prefHeight(width)));
    }

    @Override
    protected double computeMaxHeight(double width) {
        return vertical(ofContent(node -> node.maxHeight(width)));
    }

    private double ofContent(ToDoubleFunction<Node> size) {
        Node node = content.get();
        return node == null ? 0 : size.applyAsDouble(node);
    }

    private double horizontal(double inner) {
        return snappedLeftInset() + inner + snappedRightInset();
    }

    private double vertical(double inner) {
        return snappedTopInset() + inner + snappedBottomInset();
    }
}
