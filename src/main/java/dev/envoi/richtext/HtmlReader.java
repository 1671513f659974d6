package dev.envoi.richtext;

import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.RichDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * Reads HTML into a {@link RichDocument}: the stored form of a draft and HTML pasted from a
 * browser or an office program alike. The HTML goes through jsoup's {@link Cleaner} first, with a
 * {@link Safelist} of the few tags the model can hold; what survives is then read into the model,
 * and every HTML Envoi writes is written again from that model. So nothing of the pasted markup
 * (scripts, styles, images, forms, event attributes, unknown schemes) can reach a message.
 */
public final class HtmlReader {

    /** Above this, a paste keeps its plain text: reading megabytes of markup would stall the window. */
    public static final int MAX_HTML_CHARS = 1_000_000;

    private static final Safelist SAFELIST = Safelist.none()
            .addTags("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "span", "font",
                    "p", "div", "br", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
                    "pre", "table", "tbody", "thead", "tr", "td", "th", "dl", "dt", "dd")
            .addAttributes("a", "href")
            // Office and web editors say bold or italic in a style; only those words are read from it.
            .addAttributes(":all", "style")
            .addProtocols("a", "href", "http", "https", "mailto");
    /**
     * The stored form also holds inline images, and only as {@code cid:} references to a part of the
     * message: never a remote address. A paste never keeps an image (it goes through SAFELIST).
     */
    private static final Safelist STORED_SAFELIST = new Safelist(SAFELIST)
            .addTags("img")
            .addAttributes("img", "src", "alt")
            .addProtocols("img", "src", "cid");
    /** Dropped with everything in them, not just their tags: their text is no part of what was written. */
    private static final String DROPPED_WHOLE =
            "script, style, template, noscript, object, embed, iframe, frame, form, select, textarea, button, "
                    + "input, option, svg, math, head, title";

    private HtmlReader() {
    }

    /** HTML Envoi stored: spaces kept as they are (the stored form says pre-wrap). */
    public static RichDocument readStored(String html) {
        return read(html, true, STORED_SAFELIST);
    }

    /** HTML from the clipboard: spaces collapse as a browser collapses them. */
    public static RichDocument readPasted(String html) {
        return read(html, false, SAFELIST);
    }

    private static RichDocument read(String html, boolean keepSpaces, Safelist safelist) {
        Document dirty = Jsoup.parseBodyFragment(html);
        dirty.select(DROPPED_WHOLE).remove();
        Document clean = new Cleaner(safelist).clean(dirty);
        ModelBuilder builder = new ModelBuilder(keepSpaces);
        NodeTraversor.traverse(builder, clean.body());
        java.util.List<Block> blocks = builder.blocks();
        return new RichDocument(blocks);
    }
}
