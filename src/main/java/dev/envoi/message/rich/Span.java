package dev.envoi.message.rich;

import java.util.Objects;

/** A run of characters in one style; never holds a line break (a break ends a {@link Block}). */
public record Span(String text, TextStyle style) {

    public Span {
        text = Objects.requireNonNull(text, "text").replace("\r", "").replace('\n', ' ');
        style = style == null ? TextStyle.PLAIN : style;
    }
}
