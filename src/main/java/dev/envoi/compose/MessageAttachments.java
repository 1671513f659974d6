package dev.envoi.compose;

import dev.envoi.store.MessageStore;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The files attached to the message being written: copied into the profile's vault in the
 * background as they are added, listed with their total size. Part of {@link MessageViewModel}.
 */
final class MessageAttachments {

    /** What one import of files gave: the files now in the vault, and why the others are not. */
    private record Imported(List<AttachmentItem> added, List<String> problems) {
    }

    private final MessageStore store;
    private final TaskExecutor tasks;
    private final ComposeStatus status;
    private final Texts texts;
    private final FileChooserService fileChooser;
    private final ObservableBooleanValue editing;
    private final ObservableList<AttachmentItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totalSize = new ReadOnlyStringWrapper("");

    MessageAttachments(MessageStore store, TaskExecutor tasks, ComposeStatus status, Texts texts,
                       FileChooserService fileChooser, ObservableBooleanValue editing,
                       ObservableObjectValue<HeldMessage> held) {
        this.store = store;
        this.tasks = tasks;
        this.status = status;
        this.texts = texts;
        this.fileChooser = fileChooser;
        this.editing = editing;
        // A submitted message lets go of its files; the total it had still shows.
        totalSize.bind(Bindings.createStringBinding(() -> items.isEmpty() ? held.get().totalSize()
                : texts.size(bytes()), items, held));
    }

    ObservableList<AttachmentItem> items() {
        return items;
    }

    ReadOnlyStringProperty totalSizeProperty() {
        return totalSize.getReadOnlyProperty();
    }

    long bytes() {
        return items.stream().mapToLong(AttachmentItem::size).sum();
    }

    void attachWithChooser() {
        if (editing.get()) {
            attach(fileChooser.chooseFiles());
        }
    }

    void attach(List<Path> files) {
        if (files.isEmpty() || !editing.get()) {
            return;
        }
        status.busy.set(true);
        status.status.set(files.size() == 1 ? texts.get("status.attachingOne", files.get(0).getFileName())
                : texts.get("status.attachingMany", files.size()));
        BackgroundTask.of("attaching files", () -> importAll(files))
                .onSuccess(imported -> {
                    items.addAll(imported.added());
                    status.error.set(String.join("\n", imported.problems()));
                })
                .onFailure(e -> status.error.set(BackgroundTask.messageOf(e)))
                .onFinished(() -> {
                    status.busy.set(false);
                    status.status.set("");
                })
                .executeWith(tasks);
    }

    void remove(AttachmentItem item) {
        if (editing.get()) {
            items.remove(item);
        }
    }

    /** Each file on its own: one that cannot be taken says why, the others are attached all the same. */
    private Imported importAll(List<Path> files) {
        List<AttachmentItem> added = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                added.add(new AttachmentItem(store.importAttachment(file), Optional.of(file)));
            } catch (RuntimeException e) {
                problems.add(BackgroundTask.messageOf(e));
            }
        }
        return new Imported(added, problems);
    }
}
