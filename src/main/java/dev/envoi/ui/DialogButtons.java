package dev.envoi.ui;

import java.util.Locale;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Dialog;

/**
 * Dialog buttons in the order the desktop puts them. Each button says what it is (ButtonData)
 * and the platform's order places it. JavaFX's own Linux order puts Cancel after Yes ("Discard |
 * Save | Cancel"); GNOME and KDE put the affirmative last with Cancel before it ("Discard |
 * Cancel | Save"), as macOS does, so on Linux that order is used. Windows keeps its own.
 */
public final class DialogButtons {

    private DialogButtons() {
    }

    /** The button order for an OS, by its os.name. */
    public static String orderFor(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return ButtonBar.BUTTON_ORDER_WINDOWS;
        }
        return ButtonBar.BUTTON_ORDER_MAC_OS;
    }

    /** Orders the dialog's buttons for this OS; call before it shows. */
    public static <D extends Dialog<?>> D ordered(D dialog) {
        if (dialog.getDialogPane().lookup(".button-bar") instanceof ButtonBar bar) {
            bar.setButtonOrder(orderFor(System.getProperty("os.name", "")));
        }
        return dialog;
    }
}
