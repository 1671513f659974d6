package dev.envoi.compose;

import dev.envoi.ui.Texts;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A line of the attachment list: name, size and a remove button (while the message can be edited). */
final class AttachmentCell extends ListCell<AttachmentItem> {

    private final Label name = new Label();
    private final Label size = new Label();
    private final Button remove = new Button();
    private final Texts texts;
    private final HBox line;

    AttachmentCell(Consumer<AttachmentItem> onRemove, ObservableBooleanValue editing, Texts texts) {
        this.texts = texts;
        remove.setText(texts.get("button.remove"));
        // Hidden, not removed, once the message is sent: the line keeps its layout.
        remove.visibleProperty().bind(editing);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        size.getStyleClass().add("size");
        remove.getStyleClass().add("attachment-remove");
        remove.setOnAction(e -> {
            if (getItem() != null) {
                onRemove.accept(getItem());
            }
        });
        line = new HBox(8, name, size, spacer, remove);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getStyleClass().add("attachment-cell");
    }

    @Override
    protected void updateItem(AttachmentItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        name.setText(item.name());
        size.setText(texts.size(item.size()));
        remove.setAccessibleText(texts.get("remove.named", item.name()));
        setAccessibleText(item.name() + ", " + texts.size(item.size()));
        setGraphic(line);
    }
}
