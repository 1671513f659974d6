package dev.envoi.richtext;

import static dev.envoi.message.rich.Samples.block;
import static dev.envoi.message.rich.Samples.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.rich.BlockKind;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.message.rich.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form reads back to exactly the model it was written from. */
class StoredFormTest {

    @Test
    void everyKindOfFormattingReadsBackTheSame() {
        RichDocument document = Samples.everything();
        assertEquals(document, HtmlReader.readStored(HtmlWriter.fragment(document)));
    }

    @Test
    void theHtmlPartReadsBackTheSameToo() {
        RichDocument document = Samples.everything();
        assertEquals(document, HtmlReader.readStored(HtmlWriter.message(document)));
    }

    @Test
    void emptyLinesAndSkippedListLevelsSurvive() {
        RichDocument document = new RichDocument(List.of(block(BlockKind.PARAGRAPH, 0),
                block(BlockKind.PARAGRAPH, 0, plain("a")), block(BlockKind.PARAGRAPH, 0),
                block(BlockKind.BULLET, 0, plain("x")), block(BlockKind.NUMBERED, 2, plain("deep")),
                block(BlockKind.BULLET, 0), block(BlockKind.QUOTE, 0), block(BlockKind.QUOTE, 0, plain("q")),
                block(BlockKind.PARAGRAPH, 0)));
        assertEquals(document, HtmlReader.readStored(HtmlWriter.fragment(document)));
    }
}
