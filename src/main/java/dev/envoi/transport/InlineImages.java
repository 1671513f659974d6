package dev.envoi.transport;

import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.BlockStyle;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.richtext.HtmlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which of a message's attachments are images shown in its HTML body (issue 20): they go in the
 * {@code multipart/related} beside the HTML part, not as attachments. With "plain text only" or no
 * formatting there is no HTML to show them, so they stay ordinary attachments and nothing is lost.
 * An image paragraph whose attachment was removed is sent as its words only: no dangling cid.
 */
record InlineImages(RichDocument document, List<Attachment> inline, List<Attachment> attached) {

    static InlineImages of(DraftContent content) {
        if (!content.formatting().isFormatted() || content.formatting().plainTextOnly()) {
            return new InlineImages(null, List.of(), content.attachments());
        }
        RichDocument stored = HtmlReader.readStored(content.formatting().html());
        Map<String, Attachment> bySha = content.attachments().stream()
                .collect(Collectors.toMap(Attachment::sha256, Function.identity(), (a, b) -> a));
        List<Block> blocks = new ArrayList<>();
        for (Block block : stored.blocks()) {
            boolean missing = block.isImage() && !bySha.containsKey(block.style().image());
            blocks.add(missing ? new Block(BlockStyle.PARAGRAPH, block.spans()) : block);
        }
        RichDocument document = new RichDocument(blocks);
        List<String> shown = document.images();
        List<Attachment> inline = shown.stream().map(bySha::get).toList();
        List<Attachment> attached = content.attachments().stream().filter(a -> !shown.contains(a.sha256())).toList();
        return new InlineImages(document, inline, attached);
    }
}
