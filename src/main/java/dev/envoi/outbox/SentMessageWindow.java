package dev.envoi.outbox;

import dev.envoi.i18n.VisibleText;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.store.MessageFate;
import dev.envoi.store.MessageStore;
import dev.envoi.store.MessageSummary;
import dev.envoi.message.MailAddress;
import dev.envoi.message.RecipientType;
import dev.envoi.ui.Closing;
import dev.envoi.ui.Texts;
import dev.envoi.ui.Theme;
import dev.envoi.ui.WindowIcons;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

/**
 * A sent message, read-only: when it was sent, the account it went through and what the server
 * answered, its headers (every recipient, Bcc included), its text and the names of its files.
 */
public final class SentMessageWindow {

    /**
     * What happened to a sent message: when it went, the account it went through ("" when it
     * recorded none) and the server's reply (its own words).
     */
    public record Delivery(Instant sentAt, String account, String serverReply) {
        public static final Delivery UNKNOWN = new Delivery(null, "", "");

        /** Reads it from the store: blocks on the disk, so not on the FX thread. */
        public static Delivery of(MessageStore store, EntryId sentId) {
            Optional<MessageSummary> sent = store.sent().stream().filter(s -> s.id().equals(sentId)).findFirst();
            return new Delivery(sent.map(MessageSummary::modifiedAt).orElse(null),
                    sent.flatMap(MessageSummary::account).orElse(""),
                    store.fate(sentId).map(MessageFate::reason).orElse(""));
        }
    }

    private final Stage stage = new Stage();

    public SentMessageWindow(DraftContent content) {
        this(content, Delivery.UNKNOWN);
    }

    public SentMessageWindow(DraftContent content, Delivery delivery) {
        Texts texts = Texts.of(SentMessageWindow.class);
        GridPane headers = new GridPane();
        headers.setHgap(8);
        headers.setVgap(4);
        headers.setPadding(new Insets(10));
        int row = 0;
        row = header(headers, row, texts.get("viewer.sentAt"),
                delivery.sentAt() == null ? "" : texts.get("viewer.sentAtValue", Date.from(delivery.sentAt())));
        // The server's words come from outside, and a stored name may hold a control an older Envoi
        // let in: every value is shown with its controls visible, never obeyed.
        row = header(headers, row, texts.get("viewer.account"), delivery.account(), "sentAccount");
        row = header(headers, row, texts.get("viewer.reply"), delivery.serverReply());
        row = header(headers, row, texts.get("viewer.from"), content.from() == null ? "" : content.from().toDisplayString());
        row = header(headers, row, texts.get("viewer.to"), join(content.recipientsOf(RecipientType.TO)));
        row = header(headers, row, texts.get("viewer.cc"), join(content.recipientsOf(RecipientType.CC)));
        row = header(headers, row, texts.get("viewer.bcc"), join(content.recipientsOf(RecipientType.BCC)));
        row = header(headers, row, texts.get("viewer.subject"), content.subject());
        header(headers, row, texts.get("viewer.attachments"), content.attachments().stream()
                .map(a -> a.fileName() + " (" + texts.size(a.size()) + ")").collect(Collectors.joining(", ")));
        TextArea body = new TextArea(content.body());
        body.setId("sentBody");
        body.setEditable(false);
        body.setWrapText(true);
        body.setAccessibleText(texts.get("viewer.subject") + " " + content.subject());
        Button close = new Button(texts.get("button.close"));
        close.setId("closeSentButton");
        close.setAccessibleHelp(texts.get("button.close.help"));
        // Close on the right as in the Outbox and Accounts windows: .status-bar's CSS alignment
        // (center-left) wins over setAlignment, so a spacer pushes it there.
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox bar = new HBox(spacer, close);
        bar.getStyleClass().add("status-bar");
        BorderPane root = new BorderPane(body, headers, null, bar, null);
        root.getStyleClass().add("sent-message");
        Scene scene = new Scene(root, 640, 480);
        Theme.style(scene, SentMessageWindow.class, "outbox.css");
        stage.setScene(scene);
        Closing.install(stage, close);
        WindowIcons.apply(stage);
        stage.setTitle(texts.get("viewer.title", VisibleText.of(content.subject())));
    }

    private static int header(GridPane grid, int row, String name, String value) {
        return header(grid, row, name, value, null);
    }

    /** A header line, left out when empty; {@code id} names the value for automation (may be null). */
    private static int header(GridPane grid, int row, String name, String value, String id) {
        if (value == null || value.isEmpty()) {
            return row;
        }
        Label label = new Label(name);
        Label text = new Label(VisibleText.of(value));
        text.setId(id);
        text.setWrapText(true);
        label.setLabelFor(text);
        grid.addRow(row, label, text);
        return row + 1;
    }

    private static String join(List<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::toDisplayString).collect(Collectors.joining(", "));
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

}
