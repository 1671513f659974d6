package dev.envoi.outbox;

import dev.envoi.store.SentRetention;
import dev.envoi.ui.Texts;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/** Binds the Sent tab's "Keep in Sent" row to a {@link SentRetentionModel}. */
final class SentRetentionView {

    private static final int MOST = 1_000_000;

    private SentRetentionView() {
    }

    static void bind(SentRetentionModel model, Texts texts, ChoiceBox<SentRetention.Keep> choice,
                     Spinner<Integer> amount, Label unit, Button apply) {
        choice.getItems().setAll(SentRetention.Keep.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(SentRetention.Keep keep) {
                return keep == null ? "" : texts.get("retention.choice." + keep.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public SentRetention.Keep fromString(String text) {
                throw new UnsupportedOperationException("a choice box is not edited");
            }
        });
        choice.valueProperty().bindBidirectional(model.keepProperty());

        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, MOST, model.amountProperty().get());
        values.setConverter(new TypedCount(values));
        amount.setValueFactory(values);
        values.valueProperty().addListener((o, was, now) -> model.amountProperty().set(now));
        model.amountProperty().addListener((o, was, now) -> values.setValue(now.intValue()));
        // Text typed counts on Enter and when the user moves on; a typo shows the number kept.
        amount.getEditor().addEventHandler(ActionEvent.ACTION, e -> settle(amount));
        amount.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                settle(amount);
            }
        });

        var counted = model.keepProperty().isNotEqualTo(SentRetention.Keep.ALL);
        amount.visibleProperty().bind(counted);
        amount.managedProperty().bind(counted);
        unit.visibleProperty().bind(counted);
        unit.managedProperty().bind(counted);
        unit.textProperty().bind(Bindings.createStringBinding(() -> model.keepProperty().get() == SentRetention.Keep.ALL
                ? "" : texts.get("retention.unit." + model.keepProperty().get().name().toLowerCase(Locale.ROOT),
                        model.amountProperty().get()), model.keepProperty(), model.amountProperty()));
        apply.disableProperty().bind(model.canApply().not());
        apply.setOnAction(e -> {
            settle(amount);
            model.apply();
        });
    }

    /** Commits what was typed, and shows the number the spinner holds (the last good one after a typo). */
    private static void settle(Spinner<Integer> amount) {
        amount.commitValue();
        amount.cancelEdit();
    }

    /** Digits typed into the spinner; anything else puts the last good number back instead of failing. */
    private static final class TypedCount extends StringConverter<Integer> {
        private final SpinnerValueFactory<Integer> values;

        TypedCount(SpinnerValueFactory<Integer> values) {
            this.values = values;
        }

        @Override
        public String toString(Integer value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public Integer fromString(String text) {
            String digits = text == null ? "" : text.strip().replace(" ", "").replace("\u00a0", "")
                    .replace("\u202f", "").replace(",", "");
            if (!digits.matches("[0-9]{1,7}")) {
                return values.getValue();
            }
            int typed = Integer.parseInt(digits);
            return typed < 1 || typed > MOST ? values.getValue() : typed;
        }
    }
}
