package dev.envoi.compose;

import dev.envoi.account.Signature;
import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.richtext.HtmlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A signature as the body carries it: the paragraphs below the text, an empty one, then the "-- "
 * line (dash, dash, space: RFC 3676 section 4.3, which mail readers recognise to grey the signature
 * and leave it out of quotes), then the signature's own paragraphs, formatted or plain.
 */
final class SignatureBlock {

    /** The delimiter line, with its trailing space. */
    static final String DELIMITER = "-- ";

    private SignatureBlock() {
    }

    /** The paragraphs that go at the end of the body for {@code signature}; none for no signature. */
    static List<Block> of(Signature signature) {
        if (signature.isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>(List.of(Block.plain(""), Block.plain(DELIMITER)));
        blocks.addAll(signature.format() == Signature.Format.HTML ? HtmlReader.readStored(signature.text()).blocks()
                : RichDocument.ofPlain(signature.text()).blocks());
        return blocks;
    }

    /** True when {@code document} ends with exactly the words of {@code signature}: not edited. */
    static boolean endsWith(RichDocument document, List<Block> signature) {
        List<Block> blocks = document.blocks();
        int from = blocks.size() - signature.size();
        if (from < 0) {
            return false;
        }
        for (int i = 0; i < signature.size(); i++) {
            if (!blocks.get(from + i).text().equals(signature.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code document} with its last {@code remove} paragraphs replaced by {@code signature}; blank
     * paragraphs at the end of the text are dropped first, so the signature follows one empty line.
     */
    static RichDocument replaceEnd(RichDocument document, int remove, List<Block> signature) {
        List<Block> blocks = new ArrayList<>(document.blocks().subList(0, document.blocks().size() - remove));
        while (blocks.size() > 1 && isBlank(blocks.get(blocks.size() - 1)) && !signature.isEmpty()) {
            blocks.remove(blocks.size() - 1);
        }
        if (blocks.size() == 1 && isBlank(blocks.get(0)) && signature.isEmpty()) {
            blocks.clear();
        }
        blocks.addAll(signature);
        return new RichDocument(blocks);
    }

    private static boolean isBlank(Block block) {
        return block.text().isBlank() && !block.hasFormatting();
    }
}
