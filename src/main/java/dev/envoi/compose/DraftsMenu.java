package dev.envoi.compose;

import dev.envoi.store.MessageSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/** The Drafts button: lists the saved drafts when opened, and opens the one chosen. */
final class DraftsMenu {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final MenuButton button;
    private final ComposeViewModel model;

    DraftsMenu(MenuButton button, ComposeViewModel model) {
        this.button = button;
        this.model = model;
    }

    void install() {
        button.getItems().setAll(placeholder("Loading…"));
        button.setOnShowing(e -> model.listDrafts(this::show));
    }

    private void show(List<MessageSummary> drafts) {
        if (drafts.isEmpty()) {
            button.getItems().setAll(placeholder("No drafts"));
            return;
        }
        button.getItems().setAll(drafts.stream().map(this::item).toList());
    }

    private MenuItem item(MessageSummary draft) {
        String subject = draft.subject().isBlank() ? "(no subject)" : draft.subject();
        String returned = draft.returnReason().isEmpty() ? "" : "  ⚠ not sent";
        MenuItem item = new MenuItem(subject + " — " + WHEN.format(draft.modifiedAt()) + returned);
        item.setOnAction(e -> model.openDraft(draft.id()));
        return item;
    }

    private static MenuItem placeholder(String text) {
        MenuItem item = new MenuItem(text);
        item.setDisable(true);
        return item;
    }
}
