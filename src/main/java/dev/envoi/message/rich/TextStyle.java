package dev.envoi.message.rich;

/**
 * How a run of characters looks: the few marks mail readers all show alike, and a link target.
 * {@code link} is empty for no link; only a target {@link LinkTarget#isSafe} accepts is kept.
 */
public record TextStyle(boolean bold, boolean italic, boolean underline, boolean strike, String link) {

    public static final TextStyle PLAIN = new TextStyle(false, false, false, false, "");

    public TextStyle {
        link = link == null || !LinkTarget.isSafe(link) ? "" : link.strip();
    }

    public boolean isPlain() {
        return equals(PLAIN);
    }

    public boolean hasLink() {
        return !link.isEmpty();
    }

    public TextStyle withBold(boolean on) {
        return new TextStyle(on, italic, underline, strike, link);
    }

    public TextStyle withItalic(boolean on) {
        return new TextStyle(bold, on, underline, strike, link);
    }

    public TextStyle withUnderline(boolean on) {
        return new TextStyle(bold, italic, on, strike, link);
    }

    public TextStyle withStrike(boolean on) {
        return new TextStyle(bold, italic, underline, on, link);
    }

    public TextStyle withLink(String target) {
        return new TextStyle(bold, italic, underline, strike, target);
    }

    /** Both styles at once: a mark set in either is set here; the inner link wins. */
    public TextStyle plus(TextStyle inner) {
        return new TextStyle(bold || inner.bold, italic || inner.italic, underline || inner.underline,
                strike || inner.strike, inner.hasLink() ? inner.link : link);
    }
}
