package dev.envoi.compose;

import dev.envoi.message.rich.TextStyle;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The style of a run of characters in the body editor: the formatting the message carries, and
 * layers the window adds for show only (style classes such as {@code misspelt}), which are never
 * saved or sent.
 */
public record EditorStyle(TextStyle format, Set<String> layers) {

    public static final EditorStyle PLAIN = new EditorStyle(TextStyle.PLAIN, Set.of());

    public EditorStyle {
        format = format == null ? TextStyle.PLAIN : format;
        layers = Set.copyOf(layers);
    }

    public EditorStyle withFormat(UnaryOperator<TextStyle> change) {
        return new EditorStyle(change.apply(format), layers);
    }

    public EditorStyle withLayer(String styleClass) {
        if (layers.contains(styleClass)) {
            return this;
        }
        java.util.Set<String> more = new java.util.HashSet<>(layers);
        more.add(styleClass);
        return new EditorStyle(format, more);
    }

    public EditorStyle withoutLayer(String styleClass) {
        if (!layers.contains(styleClass)) {
            return this;
        }
        java.util.Set<String> fewer = new java.util.HashSet<>(layers);
        fewer.remove(styleClass);
        return new EditorStyle(format, fewer);
    }

    /** The CSS of the marks; the layers go on as style classes. */
    String css() {
        StringBuilder css = new StringBuilder();
        if (format.bold()) {
            css.append("-fx-font-weight: bold;");
        }
        if (format.italic()) {
            css.append("-fx-font-style: italic;");
        }
        if (format.underline() || format.hasLink()) {
            css.append("-fx-underline: true;");
        }
        if (format.strike()) {
            css.append("-fx-strikethrough: true;");
        }
        if (format.hasLink()) {
            css.append("-fx-fill: -envoi-link;"); // the theme's link colour (envoi.css, dark.css)
        }
        return css.toString();
    }
}
