package dev.envoi.compose;

import dev.envoi.store.MessageSummary;
import dev.envoi.ui.Texts;
import java.util.Date;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/** The Drafts button: lists the saved drafts when opened, and opens the one chosen. */
final class DraftsMenu {

    private final MenuButton button;
    private final ComposeViewModel model;

    DraftsMenu(MenuButton button, ComposeViewModel model) {
        this.button = button;
        this.model = model;
    }

    void install() {
        button.getItems().setAll(placeholder(texts().get("drafts.loading")));
        button.setOnShowing(e -> model.listDrafts(this::show));
    }

    private void show(List<MessageSummary> drafts) {
        if (drafts.isEmpty()) {
            button.getItems().setAll(placeholder(texts().get("drafts.none")));
            return;
        }
        button.getItems().setAll(drafts.stream().map(this::item).toList());
    }

    private MenuItem item(MessageSummary draft) {
        String subject = draft.subject().isBlank() ? texts().get("drafts.noSubject") : draft.subject();
        String key = draft.returnReason().isEmpty() ? "drafts.item" : "drafts.item.returned";
        MenuItem item = new MenuItem(texts().get(key, subject, Date.from(draft.modifiedAt())));
        item.setOnAction(e -> model.openDraft(draft.id()));
        return item;
    }

    private Texts texts() {
        return model.texts();
    }

    private static MenuItem placeholder(String text) {
        MenuItem item = new MenuItem(text);
        item.setDisable(true);
        return item;
    }
}
