package dev.envoi.compose;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The status bar's tooltip: a retry's error can be longer than the bar, so the whole of it stays
 * one hover away. Made after the window's first frame ({@link LaterParts}): nobody hovers before
 * it, and the first Tooltip of the process (its class, its popup window, its font) was 4% of the
 * FX thread's start (JFR, issue 21).
 */
final class WholeStatusTip {

    private WholeStatusTip() {
    }

    static void install(Label status, ObservableValue<String> text) {
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(480);
        whole.textProperty().bind(text);
        status.setTooltip(whole);
    }
}
