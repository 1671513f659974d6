package dev.envoi.richtext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.rich.BlockKind;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.message.rich.TextStyle;
import org.junit.jupiter.api.Test;

/** HTML from the clipboard keeps its basic formatting and nothing else (issue 20). */
class HostilePasteTest {

    private static String written(String pasted) {
        return HtmlWriter.fragment(HtmlReader.readPasted(pasted));
    }

    @Test
    void scriptsStylesFormsAndTheirTextAreDroppedWhole() {
        RichDocument document = HtmlReader.readPasted("<style>p{color:red}</style><p>Hi<script>alert(1)</script>"
                + "</p><form action=https://evil.example><input value=steal><textarea>secret</textarea>"
                + "<button onclick=x()>Go</button></form><iframe src=https://evil.example></iframe><p>bye</p>");
        assertEquals("Hi\nbye", document.plainText());
        assertFalse(document.hasFormatting());
    }

    @Test
    void javascriptAndOtherSchemesLoseTheirLinkButKeepTheWords() {
        RichDocument document = HtmlReader.readPasted("<a href=\"javascript:alert(1)\">one</a> "
                + "<a href=\" JaVaScRiPt:alert(1)\">two</a> <a href=\"data:text/html,x\">three</a> "
                + "<a href=\"file:///etc/passwd\">four</a> <a href=\"vbscript:x\">five</a> "
                + "<a href=\"https://example.org/\" onclick=\"steal()\" onmouseover=\"x\">six</a>");
        assertEquals("one two three four five six", document.plainText());
        String html = HtmlWriter.fragment(document);
        assertEquals("<div>one two three four five <a href=\"https://example.org/\">six</a></div>", html);
    }

    @Test
    void remoteImagesAndTrackingPixelsAreDropped() {
        String html = written("<p>before<img src=\"https://tracker.example/p.gif\" width=1 height=1 onerror=x()>after</p>"
                + "<div style=\"background:url(https://tracker.example/bg)\">styled</div>");
        assertEquals("<div>beforeafter<br>styled</div>", html);
    }

    @Test
    void officeAndBrowserMarkupKeepsItsBasicFormatting() {
        RichDocument document = HtmlReader.readPasted("<html><head><meta charset=utf-8><title>t</title></head><body>"
                + "<!--StartFragment--><p class=MsoNormal><span style='font-weight: 700'>Bold</span> and "
                + "<span style=\"font-style:italic\">italic</span> and <strong><em>both</em></strong></p>\n"
                + "<ul>\n  <li>one</li>\n  <li>two\n    <ol><li>two.a</li></ol>\n  </li>\n</ul>\n"
                + "<blockquote><p>quoted   text</p></blockquote><!--EndFragment--></body></html>");
        assertEquals("Bold and italic and both\none\ntwo\ntwo.a\nquoted text", document.plainText());
        assertEquals(TextStyle.PLAIN.withBold(true), document.blocks().get(0).spans().get(0).style());
        assertEquals(TextStyle.PLAIN.withItalic(true), document.blocks().get(0).spans().get(2).style());
        assertEquals(BlockKind.NUMBERED, document.blocks().get(3).style().kind());
        assertEquals(1, document.blocks().get(3).style().level());
        assertEquals(BlockKind.QUOTE, document.blocks().get(4).style().kind());
    }

    @Test
    void deeplyNestedMarkupDoesNotOverflowTheStack() {
        String deep = "<div><b>".repeat(20_000) + "deep" + "</b></div>".repeat(20_000);
        RichDocument document = HtmlReader.readPasted(deep);
        assertEquals("deep", document.plainText().strip());
        assertTrue(document.hasFormatting());
    }

    @Test
    void largeHtmlIsReadInOnePass() {
        String row = "<p>Line with <b>bold</b> and <a href=\"https://example.org\">a link</a>.</p>";
        RichDocument document = HtmlReader.readPasted(row.repeat(10_000)); // ~700 kB, under the paste limit
        assertEquals(10_000, document.blocks().size());
        assertTrue(HtmlReader.MAX_HTML_CHARS < 2 * row.length() * 10_000,
                "a paste twice this size is taken as plain text (BodyClipboard)");
    }
}
