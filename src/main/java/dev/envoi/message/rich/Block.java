package dev.envoi.message.rich;

import java.util.ArrayList;
import java.util.List;

/** One paragraph: its kind and its runs of styled text, neighbours of one style merged. */
public record Block(BlockStyle style, List<Span> spans) {

    public Block {
        style = style == null ? BlockStyle.PARAGRAPH : style;
        spans = merged(spans);
    }

    public static Block plain(String text) {
        return new Block(BlockStyle.PARAGRAPH, List.of(new Span(text, TextStyle.PLAIN)));
    }

    /**
     * An inline image: the attachment with this SHA-256, its words {@code [image: name]}, which is
     * what the plain text part and the image's {@code alt} say.
     */
    public static Block image(String sha256, String name) {
        return new Block(BlockStyle.image(sha256), List.of(new Span(imageText(name), TextStyle.PLAIN)));
    }

    /** What stands for an image where it cannot be shown. */
    public static String imageText(String name) {
        return "[image: " + name + "]";
    }

    public boolean isImage() {
        return style.kind() == BlockKind.IMAGE;
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        spans.forEach(s -> text.append(s.text()));
        return text.toString();
    }

    public boolean hasFormatting() {
        return style.kind() != BlockKind.PARAGRAPH || spans.stream().anyMatch(s -> !s.style().isPlain());
    }

    /** Empty spans dropped and neighbours of one style joined: one text has one form. */
    private static List<Span> merged(List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span span : spans) {
            if (span.text().isEmpty()) {
                continue;
            }
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).style().equals(span.style())) {
                out.set(last, new Span(out.get(last).text() + span.text(), span.style()));
            } else {
                out.add(span);
            }
        }
        return List.copyOf(out);
    }
}
