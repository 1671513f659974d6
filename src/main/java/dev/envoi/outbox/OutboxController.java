package dev.envoi.outbox;

import dev.envoi.store.SentRetention;
import dev.envoi.ui.Texts;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.Label;
import javafx.collections.ObservableList;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.beans.binding.Bindings;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;

/** Binds outbox.fxml to an {@link OutboxViewModel}; no decisions are made here. */
public final class OutboxController {

    private final OutboxViewModel model;

    @FXML private Label outboxError;
    @FXML private Label outboxEmpty;
    @FXML private Label draftsEmpty;
    @FXML private Label sentEmpty;
    @FXML private TableView<OutboxRow> outboxTable;
    @FXML private TableColumn<OutboxRow, String> outboxSubjectColumn;
    @FXML private TableColumn<OutboxRow, String> outboxToColumn;
    @FXML private TableColumn<OutboxRow, String> outboxSizeColumn;
    @FXML private TableColumn<OutboxRow, String> outboxStateColumn;
    @FXML private Label outboxDetail;
    @FXML private Label uncertainExplanation;
    @FXML private Button outboxCancelButton;
    @FXML private Button sendNowButton;
    @FXML private Button editButton;
    @FXML private Button sendAgainButton;
    @FXML private Button markSentButton;
    @FXML private Button chooseAccountButton;
    @FXML private Tab draftsTab;
    @FXML private Tab sentTab;
    @FXML private TableView<FolderRow> draftsTable;
    @FXML private TableColumn<FolderRow, String> draftSubjectColumn;
    @FXML private TableColumn<FolderRow, String> draftToColumn;
    @FXML private TableColumn<FolderRow, String> draftWhenColumn;
    @FXML private TableColumn<FolderRow, String> draftNoteColumn;
    @FXML private Button openDraftButton;
    @FXML private Button deleteDraftButton;
    @FXML private TableView<FolderRow> sentTable;
    @FXML private ScrollBar sentScroll;
    @FXML private TableColumn<FolderRow, String> sentSubjectColumn;
    @FXML private TableColumn<FolderRow, String> sentToColumn;
    @FXML private TableColumn<FolderRow, String> sentSizeColumn;
    @FXML private TableColumn<FolderRow, String> sentWhenColumn;
    @FXML private TableColumn<FolderRow, String> sentNoteColumn;
    @FXML private Button openSentButton;
    @FXML private Label sentCopies;
    @FXML private Button retryCopiesButton;
    @FXML private ChoiceBox<SentRetention.Keep> keepChoice;
    @FXML private Spinner<Integer> keepAmount;
    @FXML private Label keepUnit;
    @FXML private Button applyKeepButton;
    @FXML private Label outboxStatus;
    private final SentCopiesModel copies;
    private final SentRetentionModel retention;
    private final Texts texts;

    public OutboxController(OutboxViewModel model, SentCopiesModel copies, SentRetentionModel retention, Texts texts) {
        this.model = model;
        this.copies = copies;
        this.retention = retention;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        bindQueue();
        // A table makes the cells of the rows it could show (skins, CSS) even behind another tab: the
        // Drafts and Sent tables get their rows when their tab is first shown (issue 21).
        sayReadingUntil(draftsEmpty, model.draftsCounted());
        sayReadingUntil(sentEmpty, model.sentCounted());
        whenFirstShown(draftsTab,
                () -> bindFolder(draftsTable, model.drafts(), model.selectedDraftProperty(), model::openSelectedDraft));
        whenFirstShown(sentTab,
                () -> bindWindowed(sentTable, sentScroll, model.sent(), model.selectedSentProperty(), model::openSelectedSent));
        column(draftSubjectColumn, FolderRow::subject);
        column(draftToColumn, FolderRow::recipients);
        column(draftWhenColumn, FolderRow::when);
        column(draftNoteColumn, FolderRow::note);
        column(sentSubjectColumn, FolderRow::subject);
        column(sentToColumn, FolderRow::recipients);
        column(sentSizeColumn, FolderRow::size);
        column(sentWhenColumn, FolderRow::when);
        column(sentNoteColumn, FolderRow::note);
        openDraftButton.disableProperty().bind(model.selectedDraftProperty().isNull());
        openDraftButton.setOnAction(e -> model.openSelectedDraft());
        deleteDraftButton.disableProperty().bind(model.selectedDraftProperty().isNull());
        deleteDraftButton.setOnAction(e -> model.deleteSelectedDraft());
        openSentButton.disableProperty().bind(model.selectedSentProperty().isNull());
        openSentButton.setOnAction(e -> model.openSelectedSent());
        outboxError.textProperty().bind(model.errorProperty());
        outboxError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        outboxError.managedProperty().bind(outboxError.visibleProperty());
        bindCopies();
        SentRetentionView.bind(retention, texts, keepChoice, keepAmount, keepUnit, applyKeepButton);
    }

    private void bindCopies() {
        sentCopies.textProperty().bind(copies.summaryProperty());
        sentCopies.visibleProperty().bind(copies.summaryProperty().isNotEmpty());
        sentCopies.managedProperty().bind(sentCopies.visibleProperty());
        action(retryCopiesButton, copies.canRetryProperty(), copies::retryFailed);
        // The messages' actions and the copies' retry share the one status line: the latest word shows.
        outboxStatus.setText(model.statusProperty().get());
        model.statusProperty().addListener((o, was, now) -> outboxStatus.setText(now));
        copies.statusProperty().addListener((o, was, now) -> outboxStatus.setText(now));
        retention.statusProperty().addListener((o, was, now) -> outboxStatus.setText(now));
    }

    private void bindQueue() {
        outboxTable.setItems(model.queue());
        sayReadingUntil(outboxEmpty, model.queueCounted());
        column(outboxSubjectColumn, OutboxRow::subject);
        column(outboxToColumn, OutboxRow::recipients);
        column(outboxSizeColumn, OutboxRow::size);
        column(outboxStateColumn, OutboxRow::stateText);
        outboxTable.setRowFactory(table -> new StateStyledRow());
        follow(outboxTable, model.selectedProperty());
        // The State column cuts a long error short: the selected message's whole state shows here.
        outboxDetail.textProperty().bind(Bindings.createStringBinding(
                () -> model.selectedProperty().get() == null ? "" : model.selectedProperty().get().stateText(),
                model.selectedProperty()));
        outboxDetail.visibleProperty().bind(outboxDetail.textProperty().isNotEmpty());
        outboxDetail.managedProperty().bind(outboxDetail.visibleProperty());
        uncertainExplanation.textProperty().bind(model.explanationProperty());
        uncertainExplanation.visibleProperty().bind(model.explanationProperty().isNotEmpty());
        uncertainExplanation.managedProperty().bind(uncertainExplanation.visibleProperty());
        action(outboxCancelButton, model.canCancel(), model::cancelSelected);
        action(sendNowButton, model.canSendNow(), model::sendNowSelected);
        action(editButton, model.canEdit(), model::editSelected);
        action(sendAgainButton, model.canSendAgain(), model::sendAgainSelected);
        action(markSentButton, model.canMarkSent(), model::markSentSelected);
        action(chooseAccountButton, model.canChooseAccount(), model::chooseAccountSelected);
    }

    private static void action(Button button, javafx.beans.value.ObservableBooleanValue enabled, Runnable command) {
        button.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        button.setOnAction(e -> command.run());
    }

    private static void whenFirstShown(Tab tab, Runnable bind) {
        if (tab.isSelected()) {
            bind.run();
            return;
        }
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    bind.run();
                }
            }
        });
    }

    /** An empty table says "Reading…" until its folder has been counted, then that the folder is empty. */
    private void sayReadingUntil(Label placeholder, javafx.beans.value.ObservableBooleanValue counted) {
        String empty = placeholder.getText();
        placeholder.textProperty().bind(Bindings.when(counted).then(empty).otherwise(texts.get("empty.reading")));
    }

    private static <T> void bindFolder(TableView<T> table, ObservableList<T> rows,
                                       ObjectProperty<T> selection, Runnable open) {
        table.setItems(rows);
        follow(table, selection);
        openOn(table, selection, open);
    }

    /** Sent holds a year of mail: its table holds a stretch of it and {@code bar} scrolls the whole (issue 21). */
    private static <T> void bindWindowed(TableView<T> table, ScrollBar bar, ObservableList<T> rows,
                                         ObjectProperty<T> selection, Runnable open) {
        WindowedScrolling.install(table, bar, rows, selection);
        openOn(table, selection, open);
    }

    private static <T> void openOn(TableView<T> table, ObjectProperty<T> selection, Runnable open) {
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selection.get() != null) {
                open.run();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selection.get() != null) {
                open.run();
            }
        });
    }

    /** The table's selection drives the view-model's, and a refresh that keeps the row keeps it selected. */
    private static <T> void follow(TableView<T> table, ObjectProperty<T> selection) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> selection.set(row));
        selection.addListener((o, was, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
    }

    private static <T> void column(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new WholeTextCell<>());
    }

    /**
     * A cell whose text, when the column is too narrow for it, is read whole in its tooltip. A
     * Tooltip is a popup control of its own, costly to make: the cell makes one only once its text
     * is laid out cut short (issue 21: opening the window on a big profile made one for every
     * visible cell of every table), and then keeps it and changes its text (a new one at each
     * update made scrolling a long Sent list allocate a popup per cell per row).
     */
    private static final class WholeTextCell<T> extends TableCell<T, String> {
        private Tooltip tip;

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            boolean blank = empty || text == null || text.isEmpty();
            setText(blank ? null : text);
            if (tip != null && !blank) {
                tip.setText(text);
            }
            setTooltip(blank ? null : tip);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            String whole = getText();
            // The skin shows the text in a Text node of its own, with an ellipsis when it is cut.
            if (tip == null && whole != null && getChildrenUnmodifiable().stream()
                    .anyMatch(node -> node instanceof Text shown && !whole.equals(shown.getText()))) {
                tip = new Tooltip(whole);
                setTooltip(tip);
            }
        }
    }

    /** Rows of failed and uncertain messages stand out. */
    private static final class StateStyledRow extends TableRow<OutboxRow> {
        @Override
        protected void updateItem(OutboxRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("failed", "uncertain");
            if (!empty && row != null) {
                switch (row.state()) {
                    case FAILED -> getStyleClass().add("failed");
                    case UNCERTAIN -> getStyleClass().add("uncertain");
                    default -> { }
                }
            }
        }
    }
}
