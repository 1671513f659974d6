package dev.envoi.message.rich;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A message body with its formatting: paragraphs in order. The one model every form is made
 * from: the editor's content, the stored HTML ({@link HtmlWriter}), the text/plain part
 * ({@link FlowedWriter}) and the text/html part all come from it, so they cannot disagree.
 */
public record RichDocument(List<Block> blocks) {

    public RichDocument {
        blocks = blocks.isEmpty() ? List.of(Block.plain("")) : List.copyOf(blocks);
    }

    /** Plain text as one document: one paragraph per line. */
    public static RichDocument ofPlain(String text) {
        return new RichDocument(splitLines(text));
    }

    /** The words without formatting, one line per paragraph: what the body field has always held. */
    public String plainText() {
        return blocks.stream().map(Block::text).collect(Collectors.joining("\n"));
    }

    /** True when anything is more than plain paragraphs: only then is an HTML part worth sending. */
    public boolean hasFormatting() {
        return blocks.stream().anyMatch(Block::hasFormatting);
    }

    /** The SHA-256 of each image shown in the body, in order, each once. */
    public List<String> images() {
        return blocks.stream().filter(Block::isImage).map(b -> b.style().image()).distinct().toList();
    }

    private static List<Block> splitLines(String text) {
        // String.lines() drops a last empty line; a body ending in a line break keeps it.
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        return java.util.Arrays.stream(lines).map(Block::plain).toList();
    }
}
