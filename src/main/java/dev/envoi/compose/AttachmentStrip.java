package dev.envoi.compose;

import dev.envoi.ui.Texts;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;

/**
 * The attached files as chips: name, size and a remove button, reached with Tab; Delete,
 * Backspace, Space or Enter on it removes the file. Chips, not a list view: a chip is a few
 * plain nodes, the same kind as a recipient's, so the first file shows without a stall.
 */
public final class AttachmentStrip extends ChipPane {

    private ObservableList<AttachmentItem> items = FXCollections.emptyObservableList();
    private Consumer<AttachmentItem> onRemove = item -> { };
    private Texts texts;

    public AttachmentStrip() {
        getStyleClass().add("attachment-strip");
        setAccessibleRole(AccessibleRole.LIST_VIEW);
    }

    void bind(ObservableList<AttachmentItem> attachments, Consumer<AttachmentItem> remove, Texts words) {
        this.items = attachments;
        this.onRemove = remove;
        this.texts = words;
        attachments.addListener((ListChangeListener<AttachmentItem>) c -> showContent());
        showContent();
    }

    @Override
    protected List<HBox> chips() {
        return items.stream().map(this::chipNode).toList();
    }

    private HBox chipNode(AttachmentItem item) {
        String bytes = texts.size(item.size());
        Label size = new Label(bytes);
        size.getStyleClass().add("size");
        Button remove = new Button();
        remove.setAccessibleText(texts.get("remove.named", item.name()));
        remove.setAccessibleHelp(texts.get("remove.attachment.help"));
        remove.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                remove.fire();
                e.consume();
            }
        });
        HBox chip = chip(remove, () -> onRemove.accept(item), new Label(item.name()), size);
        chip.getStyleClass().add("attachment-chip");
        chip.setAccessibleRole(AccessibleRole.LIST_ITEM);
        chip.setAccessibleText(item.name() + ", " + bytes);
        return chip;
    }
}
