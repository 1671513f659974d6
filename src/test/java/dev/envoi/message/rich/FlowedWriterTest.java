package dev.envoi.message.rich;

import static dev.envoi.message.rich.Samples.block;
import static dev.envoi.message.rich.Samples.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text/plain part of a formatted message: RFC 3676 format=flowed, lists, quotes and links readable. */
class FlowedWriterTest {

    @Test
    void listsQuotesAndLinksReadAsPlainText() {
        String text = FlowedWriter.write(Samples.everything());
        assertEquals(String.join("\r\n",
                "Hello Jane, here is the plan (not the old one).",
                "",
                "* bread",
                "    * rye, sliced", // three spaces a level, and one of stuffing
                "* cheese",
                "1. first",
                "2. second",
                "> You said: bring wine.",
                "Menu: the menu <https://example.org/menu?a=1&b=2>",
                "   two  spaces & <angles>", // a line starting with a space is stuffed
                ""), text);
    }

    @Test
    void longParagraphsFlowInLinesOf78AtMostAndJoinBackWhole() {
        String words = "Envoi sends what the sender saw, and a flowed text lets every reader wrap it to its own width. "
                .repeat(12).strip();
        RichDocument document = new RichDocument(List.of(block(BlockKind.PARAGRAPH, 0, plain(words)),
                block(BlockKind.QUOTE, 0, plain(words)), block(BlockKind.BULLET, 0, plain(words))));
        String text = FlowedWriter.write(document);
        for (String line : text.split("\r\n")) {
            assertTrue(line.length() <= 78, line.length() + ": " + line);
        }
        List<String> paragraphs = unflow(text);
        assertEquals(List.of(words, "> " + words, "* " + words), paragraphs);
    }

    @Test
    void fromAtALineStartIsStuffedAndASignatureSeparatorKeepsItsSpace() {
        RichDocument document = new RichDocument(List.of(block(BlockKind.BULLET, 0, plain("x")),
                block(BlockKind.PARAGRAPH, 0, plain("From here on")), block(BlockKind.PARAGRAPH, 0, plain("-- ")),
                block(BlockKind.PARAGRAPH, 0, plain("trailing   "))));
        assertEquals("* x\r\n From here on\r\n-- \r\ntrailing\r\n", FlowedWriter.write(document));
    }

    @Test
    void numberingRestartsAfterADeeperListAndAfterAParagraph() {
        RichDocument document = new RichDocument(List.of(block(BlockKind.NUMBERED, 0, plain("a")),
                block(BlockKind.NUMBERED, 1, plain("a.a")), block(BlockKind.NUMBERED, 1, plain("a.b")),
                block(BlockKind.NUMBERED, 0, plain("b")), block(BlockKind.NUMBERED, 1, plain("b.a")),
                block(BlockKind.PARAGRAPH, 0, plain("then")), block(BlockKind.NUMBERED, 0, plain("again"))));
        assertEquals(String.join("\r\n", "1. a", "    1. a.a", "    2. a.b", "2. b", "    1. b.a", "then", "1. again", ""),
                FlowedWriter.write(document));
    }

    /** A reader's side of RFC 3676 (DelSp=no): unstuff, then join a line ending in a space with the next. */
    static List<String> unflow(String text) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\r\n")) {
            String quote = raw.startsWith(">") ? "> " : "";
            String line = raw.startsWith(">") ? raw.substring(1) : raw;
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            if (current.length() == 0) {
                current.append(quote);
            }
            current.append(line);
            if (!line.endsWith(" ") || line.equals("-- ")) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
        }
        return paragraphs;
    }
}
