package dev.envoi.message.rich;

/**
 * A paragraph's kind and, for a list item, its nesting level (0 is the outermost list). Only list
 * items indent: that is what indent and outdent mean in every mail composer, and what both the
 * HTML and the plain text part can show.
 */
public record BlockStyle(BlockKind kind, int level) {

    /** Deeper lists than this read as noise in a plain text part. */
    public static final int MAX_LEVEL = 6;
    public static final BlockStyle PARAGRAPH = new BlockStyle(BlockKind.PARAGRAPH, 0);

    public BlockStyle {
        kind = kind == null ? BlockKind.PARAGRAPH : kind;
        level = kind.isList() ? Math.max(0, Math.min(MAX_LEVEL, level)) : 0;
    }

    public static BlockStyle of(BlockKind kind) {
        return new BlockStyle(kind, 0);
    }

    /** One level deeper; a paragraph or quote is left as it is. */
    public BlockStyle indented() {
        return new BlockStyle(kind, level + 1);
    }

    /** One level out; the outermost list item becomes a plain paragraph. */
    public BlockStyle outdented() {
        return kind.isList() && level == 0 ? PARAGRAPH : new BlockStyle(kind, level - 1);
    }
}
