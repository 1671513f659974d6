package dev.envoi.richtext;

import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.BlockKind;
import dev.envoi.message.rich.BlockStyle;
import dev.envoi.message.rich.Span;
import dev.envoi.message.rich.TextStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Walks clean HTML and builds the model's paragraphs, the way a browser lays them out: a block
 * element starts a paragraph, {@code br} ends a line, a trailing {@code br} adds none. Iterative
 * (jsoup's traversor keeps no Java stack), so deeply nested markup cannot overflow the stack.
 */
final class ModelBuilder implements NodeVisitor {

    private static final Set<String> LINE_BLOCKS = Set.of("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "tr", "dt", "dd");
    private static final Set<String> STRUCTURE = Set.of("ul", "ol", "blockquote", "table", "tbody", "thead", "dl",
            "body");

    /** What an element and its ancestors say about the text inside. */
    private record Frame(TextStyle style, BlockKind listKind, int listDepth, boolean inItem, boolean inQuote,
                         boolean pre, int blocksAtHead) {
    }

    private static final Pattern CID = Pattern.compile("cid:([0-9a-f]{64})@envoi\\.invalid");

    private final boolean keepSpaces;
    private final List<Block> blocks = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<Span> line = new ArrayList<>();
    private BlockStyle lineStyle;

    ModelBuilder(boolean keepSpaces) {
        this.keepSpaces = keepSpaces;
        frames.push(new Frame(TextStyle.PLAIN, null, 0, false, false, false, 0));
    }

    List<Block> blocks() {
        if (!line.isEmpty()) {
            flush();
        }
        return blocks;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            text(text);
        } else if (node instanceof Element element) {
            String tag = element.normalName();
            if (tag.equals("br")) {
                startLineIfNeeded();
                flush();
                return;
            }
            if (tag.equals("img")) {
                image(element);
                return;
            }
            boolean block = LINE_BLOCKS.contains(tag) || STRUCTURE.contains(tag);
            if (block && !line.isEmpty()) {
                flush();
            }
            frames.push(frameFor(element, tag, frames.peek()));
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (!(node instanceof Element element) || element.normalName().equals("br")
                || element.normalName().equals("img")) {
            return;
        }
        Frame frame = frames.pop();
        String tag = element.normalName();
        if (LINE_BLOCKS.contains(tag)) {
            // A block that made no line yet still is one (an empty paragraph); one that ended in br adds none.
            if (!line.isEmpty() || blocks.size() == frame.blocksAtHead()) {
                startLineIfNeeded(frame);
                flush();
            }
        } else if (STRUCTURE.contains(tag) && !line.isEmpty()) {
            flush();
        }
    }

    private Frame frameFor(Element element, String tag, Frame parent) {
        TextStyle style = parent.style().plus(inlineStyle(element, tag));
        BlockKind listKind = parent.listKind();
        int listDepth = parent.listDepth();
        boolean inItem = parent.inItem();
        if (tag.equals("ul") || tag.equals("ol")) {
            listKind = tag.equals("ol") ? BlockKind.NUMBERED : BlockKind.BULLET;
            listDepth++;
            inItem = false;
        } else if (tag.equals("li")) {
            inItem = true;
        }
        return new Frame(style, listKind, listDepth, inItem, parent.inQuote() || tag.equals("blockquote"),
                parent.pre() || tag.equals("pre"), blocks.size());
    }

    private static TextStyle inlineStyle(Element element, String tag) {
        TextStyle style = switch (tag) {
            case "b", "strong" -> TextStyle.PLAIN.withBold(true);
            case "i", "em" -> TextStyle.PLAIN.withItalic(true);
            case "u", "ins" -> TextStyle.PLAIN.withUnderline(true);
            case "s", "strike", "del" -> TextStyle.PLAIN.withStrike(true);
            case "a" -> TextStyle.PLAIN.withLink(element.attr("href"));
            default -> TextStyle.PLAIN;
        };
        String css = element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        if (css.isEmpty()) {
            return style;
        }
        if (css.contains("font-weight:bold") || css.matches(".*font-weight:[6-9]00.*")) {
            style = style.withBold(true);
        }
        if (css.contains("font-style:italic")) {
            style = style.withItalic(true);
        }
        if (css.contains("text-decoration:underline") || css.contains("text-decoration-line:underline")) {
            style = style.withUnderline(true);
        }
        if (css.contains("line-through")) {
            style = style.withStrike(true);
        }
        return style;
    }

    private void text(TextNode node) {
        Frame frame = frames.peek();
        String raw = node.getWholeText();
        if (raw.isBlank() && (line.isEmpty() && !keepSpaces || isStructural(node.parent()))) {
            return; // the indentation of the markup, not text
        }
        if (keepSpaces || frame.pre()) {
            String[] lines = raw.replace("\r", "").split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    startLineIfNeeded();
                    flush();
                }
                append(lines[i], frame);
            }
        } else {
            String collapsed = raw.replaceAll("[ \\t\\n\\f\\r]+", " ");
            if (line.isEmpty()) {
                collapsed = collapsed.stripLeading();
            } else if (collapsed.startsWith(" ") && endsWithSpace()) {
                collapsed = collapsed.substring(1);
            }
            append(collapsed.replace('\u00a0', ' '), frame);
        }
    }

    private static boolean isStructural(Node parent) {
        // Between list items or table cells a blank is the markup's indentation; between words in the body it is a space.
        return parent instanceof Element e && STRUCTURE.contains(e.normalName()) && !e.normalName().equals("body");
    }

    private void append(String text, Frame frame) {
        if (text.isEmpty()) {
            return;
        }
        startLineIfNeeded(frame);
        line.add(new Span(text, frame.style()));
    }

    private boolean endsWithSpace() {
        String last = line.get(line.size() - 1).text();
        return last.endsWith(" ");
    }

    private void startLineIfNeeded() {
        startLineIfNeeded(frames.peek());
    }

    private void startLineIfNeeded(Frame frame) {
        if (lineStyle == null) {
            lineStyle = frame.inItem() && frame.listKind() != null
                    ? new BlockStyle(frame.listKind(), frame.listDepth() - 1)
                    : frame.inQuote() ? BlockStyle.of(BlockKind.QUOTE) : BlockStyle.PARAGRAPH;
        }
    }

    /**
     * An image is a paragraph of its own, and only one of this message's parts ({@code cid:} with
     * the vault's name); any other image (the cleaner lets none through) is left out.
     */
    private void image(Element element) {
        Matcher cid = CID.matcher(element.attr("src"));
        if (!cid.matches()) {
            return;
        }
        if (!line.isEmpty()) {
            flush();
        }
        String alt = element.attr("alt");
        blocks.add(new Block(BlockStyle.image(cid.group(1)), List.of(new Span(alt, TextStyle.PLAIN))));
    }

    private void flush() {
        List<Span> spans = new ArrayList<>(line);
        if (!keepSpaces && !spans.isEmpty()) {
            // A browser shows no space at the end of a line.
            Span last = spans.remove(spans.size() - 1);
            spans.add(new Span(last.text().stripTrailing(), last.style()));
        }
        blocks.add(new Block(lineStyle == null ? BlockStyle.PARAGRAPH : lineStyle, spans));
        line.clear();
        lineStyle = null;
    }
}
