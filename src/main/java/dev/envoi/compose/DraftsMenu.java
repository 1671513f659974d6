package dev.envoi.compose;

import dev.envoi.store.MessageSummary;
import dev.envoi.ui.Texts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The Drafts button: lists the newest saved drafts when opened, and opens the one chosen; with
 * more than it lists, its last item opens the Outbox window, whose Drafts tab lists them all.
 */
final class DraftsMenu {

    static final int LISTED = 20;

    private final MenuButton button;
    private final ComposeViewModel model;

    DraftsMenu(MenuButton button, ComposeViewModel model) {
        this.button = button;
        this.model = model;
    }

    void install() {
        button.getItems().setAll(placeholder(texts().get("drafts.loading")));
        button.setOnShowing(e -> model.listRecentDrafts(LISTED, this::show));
    }

    private void show(ComposeViewModel.RecentDrafts drafts) {
        if (drafts.newest().isEmpty()) {
            button.getItems().setAll(placeholder(texts().get("drafts.none")));
            return;
        }
        List<MenuItem> items = new ArrayList<>(drafts.newest().stream().map(this::item).toList());
        if (drafts.all() > drafts.newest().size()) {
            MenuItem all = new MenuItem(texts().get("drafts.all", drafts.all()));
            all.setId("allDraftsItem");
            all.setOnAction(e -> model.openOutbox());
            items.add(new SeparatorMenuItem());
            items.add(all);
        }
        button.getItems().setAll(items);
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
