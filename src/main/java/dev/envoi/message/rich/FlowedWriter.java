package dev.envoi.message.rich;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link RichDocument} as {@code text/plain; format=flowed} (RFC 3676): lines of at most
 * {@value #WIDTH} characters, a soft break as a trailing space, space-stuffing, a quote as
 * {@code "> "}, list items as {@code "* "} or {@code "1. "} indented by level, a link as
 * {@code text <url>}. Marks (bold, italics) have no plain form and are left out: the words stay.
 */
public final class FlowedWriter {

    /** RFC 3676 recommends 78 at most; the trailing space of a soft break counts. */
    public static final int WIDTH = 78;
    private static final String SIGNATURE_SEPARATOR = "-- ";

    private FlowedWriter() {
    }

    /** The part's text, lines ended by CRLF. */
    public static String write(RichDocument document) {
        StringBuilder out = new StringBuilder();
        int[] numbers = new int[BlockStyle.MAX_LEVEL + 1];
        for (Block block : document.blocks()) {
            BlockStyle style = block.style();
            if (style.kind() == BlockKind.NUMBERED) {
                numbers[style.level()]++;
            }
            // A new item at a level starts its deeper lists counting afresh.
            for (int deeper = style.kind().isList() ? style.level() + 1 : 0; deeper < numbers.length; deeper++) {
                numbers[deeper] = 0;
            }
            String quote = style.kind() == BlockKind.QUOTE ? ">" : "";
            // Room for the quote mark and its space, or for one space of stuffing.
            int width = quote.isEmpty() ? WIDTH - 1 : WIDTH - 2;
            for (String line : wrap(marker(style, numbers) + text(block), width)) {
                out.append(quote.isEmpty() ? stuffed(line) : quote + " " + line).append("\r\n");
            }
        }
        return out.toString();
    }

    private static String marker(BlockStyle style, int[] numbers) {
        String indent = "   ".repeat(style.level());
        return switch (style.kind()) {
            case BULLET -> indent + "* ";
            case NUMBERED -> indent + numbers[style.level()] + ". ";
            default -> "";
        };
    }

    private static String text(Block block) {
        StringBuilder text = new StringBuilder();
        for (Span span : block.spans()) {
            text.append(span.text());
            String link = span.style().link();
            if (!link.isEmpty() && !sameTarget(span.text(), link)) {
                text.append(" <").append(link).append('>');
            }
        }
        return text.toString();
    }

    private static boolean sameTarget(String text, String link) {
        String t = text.strip();
        return t.equals(link) || ("mailto:" + t).equals(link) || ("https://" + t).equals(link);
    }

    /**
     * Soft breaks at spaces: every line but the last of a paragraph ends in a space. Trailing
     * spaces of the paragraph are dropped (a hard line must not end in one), except on the
     * signature separator, which RFC 3676 keeps as it is.
     */
    static List<String> wrap(String paragraph, int width) {
        if (paragraph.equals(SIGNATURE_SEPARATOR)) {
            return List.of(paragraph);
        }
        String rest = paragraph.stripTrailing();
        List<String> lines = new ArrayList<>();
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width - 1);
            if (cut <= 0) {
                cut = rest.indexOf(' ', width); // one long word: a longer line, never a broken word
                if (cut < 0) {
                    break;
                }
            }
            lines.add(rest.substring(0, cut + 1));
            rest = rest.substring(cut + 1);
        }
        lines.add(rest);
        return lines;
    }

    /** RFC 3676 4.4: a line starting with a space, ">" or "From " gets one more space in front. */
    static String stuffed(String line) {
        return line.startsWith(" ") || line.startsWith(">") || line.startsWith("From ") ? " " + line : line;
    }
}
