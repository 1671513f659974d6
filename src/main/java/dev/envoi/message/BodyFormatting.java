package dev.envoi.message;

/**
 * The formatting of a message body, beside its plain text ({@link DraftContent#body()}):
 * {@code html} is the stored form of the formatted body (the subset {@code rich.HtmlWriter}
 * writes), empty when the body has no formatting at all; {@code plainTextOnly} is the sender's
 * per-message choice to send the plain text part alone.
 */
public record BodyFormatting(String html, boolean plainTextOnly) {

    public static final BodyFormatting NONE = new BodyFormatting("", false);

    public BodyFormatting {
        html = html == null ? "" : html;
    }

    public boolean isFormatted() {
        return !html.isEmpty();
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
