package dev.envoi.ui;

import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;

/**
 * Light or dark. JavaFX 21 cannot ask the OS which one the user prefers, so Envoi follows what it
 * can see (GTK_THEME ending in ":dark" on Linux) unless the user chose one with --theme.
 */
public enum Theme {
    LIGHT, DARK;

    private static volatile Theme current = LIGHT;

    public static Theme current() {
        return current;
    }

    public static void use(Theme theme) {
        current = theme;
    }

    /** The theme for a --theme value ("light", "dark", "auto" or none) and the environment. */
    public static Theme choose(String option, Map<String, String> env) {
        String wanted = option == null ? "auto" : option.strip().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "light" -> LIGHT;
            case "dark" -> DARK;
            case "auto" -> env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT).endsWith(":dark") ? DARK : LIGHT;
            default -> throw new IllegalArgumentException("--theme: \"" + option + "\" is not light, dark or auto");
        };
    }

    /** Styles a window's scene: the shared sheet, the window's own, then the theme on top. */
    public static void style(Scene scene, Class<?> window, String ownSheet) {
        scene.getStylesheets().add(Theme.class.getResource("envoi.css").toExternalForm());
        scene.getStylesheets().add(window.getResource(ownSheet).toExternalForm());
        if (current == DARK) {
            scene.getStylesheets().add(Theme.class.getResource("dark.css").toExternalForm());
        }
    }
}
