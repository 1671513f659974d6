package dev.envoi.message.rich;

import java.util.List;

/**
 * Writes a {@link RichDocument} as the small HTML subset Envoi stores and sends: {@code div}
 * with {@code br} for lines, {@code ul}/{@code ol}/{@code li}, {@code blockquote}, and
 * {@code b i u s a} inside, and {@code img} with a {@code cid:} source for an inline image. No whitespace between tags: the sent part keeps spaces as typed
 * ({@code white-space: pre-wrap}), so a line break in the source would show.
 */
public final class HtmlWriter {

    private static final String QUOTE_OPEN =
            "<blockquote type=\"cite\" style=\"margin:0 0 0 .8ex;border-left:2px solid #ccc;padding-left:1ex\">";

    private final StringBuilder out = new StringBuilder();
    /** Kinds of the lists now open, outermost first; an {@code li} is left open for a nested list. */
    private final java.util.ArrayDeque<BlockKind> openLists = new java.util.ArrayDeque<>();

    private HtmlWriter() {
    }

    /** The stored form: the body's HTML, without a document around it. */
    public static String fragment(RichDocument document) {
        HtmlWriter writer = new HtmlWriter();
        writer.write(document.blocks());
        return writer.out.toString();
    }

    /** The text/html part: a whole document in UTF-8. */
    public static String message(RichDocument document) {
        return "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">"
                + "</head><body><div style=\"white-space:pre-wrap\">" + fragment(document) + "</div></body></html>";
    }

    private void write(List<Block> blocks) {
        int i = 0;
        while (i < blocks.size()) {
            BlockKind kind = blocks.get(i).style().kind();
            int end = i;
            while (end < blocks.size() && sameRun(kind, blocks.get(end).style().kind())) {
                end++;
            }
            List<Block> run = blocks.subList(i, end);
            switch (kind) {
                case PARAGRAPH -> lines(run);
                case QUOTE -> {
                    out.append(QUOTE_OPEN);
                    lines(run);
                    out.append("</blockquote>");
                }
                case BULLET, NUMBERED -> list(run);
                case IMAGE -> run.forEach(this::image);
            }
            i = end;
        }
    }

    /** An inline image: only ever a {@code cid:} reference to a part of the message itself. */
    private void image(Block block) {
        out.append("<div><img src=\"").append(cidUrl(block.style().image())).append("\" alt=\"")
                .append(escape(block.text())).append("\" style=\"max-width:100%\"></div>");
    }

    /** The Content-ID of an image's part, without angle brackets: the vault's name for it, in a domain of its own. */
    public static String contentId(String sha256) {
        return sha256 + "@envoi.invalid";
    }

    public static String cidUrl(String sha256) {
        return "cid:" + contentId(sha256);
    }

    private static boolean sameRun(BlockKind first, BlockKind next) {
        return first.isList() ? next.isList() : first == next;
    }

    /** Lines of one run in one div; an empty last line needs its own br to show. */
    private void lines(List<Block> run) {
        out.append("<div>");
        for (int i = 0; i < run.size(); i++) {
            if (i > 0) {
                out.append("<br>");
            }
            spans(run.get(i));
        }
        if (run.get(run.size() - 1).spans().isEmpty()) {
            out.append("<br>");
        }
        out.append("</div>");
    }

    private void list(List<Block> run) {
        for (Block item : run) {
            int depth = item.style().level() + 1;
            while (openLists.size() > depth
                    || openLists.size() == depth && openLists.peekLast() != item.style().kind()) {
                closeList();
            }
            if (openLists.size() == depth) {
                out.append("</li>");
            }
            while (openLists.size() < depth) {
                BlockKind kind = openLists.size() == depth - 1 ? item.style().kind() : BlockKind.BULLET;
                out.append(kind == BlockKind.NUMBERED ? "<ol>" : "<ul>");
                openLists.addLast(kind);
                if (openLists.size() < depth) {
                    out.append("<li>"); // a level skipped: an empty item holds the deeper list
                }
            }
            out.append("<li>");
            spans(item);
            if (item.spans().isEmpty()) {
                out.append("<br>");
            }
        }
        while (!openLists.isEmpty()) {
            closeList();
        }
    }

    private void closeList() {
        out.append("</li>").append(openLists.removeLast() == BlockKind.NUMBERED ? "</ol>" : "</ul>");
    }

    private void spans(Block block) {
        for (Span span : block.spans()) {
            TextStyle s = span.style();
            if (s.hasLink()) {
                out.append("<a href=\"").append(escape(s.link())).append("\">");
            }
            open(s.bold(), "b");
            open(s.italic(), "i");
            open(s.underline(), "u");
            open(s.strike(), "s");
            out.append(escape(span.text()));
            close(s.strike(), "s");
            close(s.underline(), "u");
            close(s.italic(), "i");
            close(s.bold(), "b");
            if (s.hasLink()) {
                out.append("</a>");
            }
        }
    }

    private void open(boolean on, String tag) {
        if (on) {
            out.append('<').append(tag).append('>');
        }
    }

    private void close(boolean on, String tag) {
        if (on) {
            out.append("</").append(tag).append('>');
        }
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
