package dev.envoi.message.rich;

/**
 * A paragraph's kind and, for a list item, its nesting level (0 is the outermost list). Only list
 * items indent: that is what indent and outdent mean in every mail composer, and what both the
 * HTML and the plain text part can show. An image paragraph names its attachment by the SHA-256
 * of its bytes ({@code image}; empty for every other kind), the name the vault already gives it.
 */
public record BlockStyle(BlockKind kind, int level, String image) {

    /** Deeper lists than this read as noise in a plain text part. */
    public static final int MAX_LEVEL = 6;
    public static final BlockStyle PARAGRAPH = new BlockStyle(BlockKind.PARAGRAPH, 0);
    private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    public BlockStyle {
        kind = kind == null ? BlockKind.PARAGRAPH : kind;
        level = kind.isList() ? Math.max(0, Math.min(MAX_LEVEL, level)) : 0;
        image = kind == BlockKind.IMAGE && image != null && SHA256_HEX.matcher(image).matches() ? image : "";
        if (kind == BlockKind.IMAGE && image.isEmpty()) {
            kind = BlockKind.PARAGRAPH; // an image without a known attachment is just its words
        }
    }

    public BlockStyle(BlockKind kind, int level) {
        this(kind, level, "");
    }

    /** The paragraph of an inline image: the attachment with this SHA-256. */
    public static BlockStyle image(String sha256) {
        return new BlockStyle(BlockKind.IMAGE, 0, sha256);
    }

    public static BlockStyle of(BlockKind kind) {
        return new BlockStyle(kind, 0);
    }

    /** One level deeper; a paragraph or quote is left as it is. */
    public BlockStyle indented() {
        return new BlockStyle(kind, level + 1, image);
    }

    /** One level out; the outermost list item becomes a plain paragraph. */
    public BlockStyle outdented() {
        return kind.isList() && level == 0 ? PARAGRAPH : new BlockStyle(kind, level - 1);
    }
}
