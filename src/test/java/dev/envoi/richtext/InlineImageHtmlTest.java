package dev.envoi.richtext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.FlowedWriter;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An inline image in the stored form and in a paste (issue 20): only cid: references, only when stored. */
class InlineImageHtmlTest {

    private static final String SHA = "ab".repeat(32);

    @Test
    void anImageParagraphIsStoredAsACidImageAndReadBack() {
        RichDocument document = new RichDocument(List.of(Block.plain("Before"), Block.image(SHA, "cat.png"),
                Block.plain("After")));
        String stored = HtmlWriter.fragment(document);
        assertTrue(stored.contains("<img src=\"cid:" + SHA + "@envoi.invalid\""), stored);
        assertEquals(document, HtmlReader.readStored(stored));
        assertEquals(List.of(SHA), HtmlReader.readStored(stored).images());
        assertTrue(document.hasFormatting(), "an image needs the HTML part");
        assertTrue(FlowedWriter.write(document).contains("[image: cat.png]\r\n"));
    }

    @Test
    void remoteImagesAreNeverKeptEvenInTheStoredForm() {
        RichDocument read = HtmlReader.readStored("<div>Hi</div><img src=\"https://tracker.example/p.gif\" alt=\"x\">"
                + "<img src=\"cid:other@example.org\" alt=\"y\">");
        assertTrue(read.images().isEmpty(), read.toString());
        assertFalse(HtmlWriter.fragment(read).contains("<img"));
    }

    @Test
    void aPasteNeverBringsAnImageNotEvenACidOne() {
        RichDocument pasted = HtmlReader.readPasted("<p>Hi</p><img src=\"cid:" + SHA + "@envoi.invalid\" alt=\"z\">");
        assertTrue(pasted.images().isEmpty(), pasted.toString());
    }
}
