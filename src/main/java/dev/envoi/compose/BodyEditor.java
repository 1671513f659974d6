package dev.envoi.compose;

import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.BlockKind;
import dev.envoi.message.rich.BlockStyle;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.message.rich.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.TextFlow;
import org.fxmisc.richtext.StyledTextArea;
import org.fxmisc.richtext.TextExt;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.StyledSegment;
import org.fxmisc.richtext.util.UndoUtils;
import org.reactfx.SuspendableYes;

/**
 * The message body: a RichTextFX styled text area (docs/rich-text.md says why this one). Its
 * paragraphs carry a {@link BlockStyle}, its characters an {@link EditorStyle}.
 *
 * <p>The API other parts of the window use (formatting commands, spelling, signatures):
 * <ul>
 * <li>{@link #document()} / {@link #load(RichDocument)}: the content as the message model;</li>
 * <li>{@link #getText()} and {@link #paragraphOffsets()}: the plain text and where each paragraph
 *     starts in it (paragraphs are separated by one {@code \n});</li>
 * <li>{@link #addLayer}, {@link #removeLayer}: a show-only style class on a range (a misspelt
 *     word's {@code misspelt} underline); neither is saved, sent or undone;</li>
 * <li>{@link #setContextMenu} (inherited): the context menu;</li>
 * <li>{@link #replaceEnd(int, RichDocument)}: replaces the paragraphs from one on with others (a
 *     signature below the text).</li>
 * </ul>
 */
public final class BodyEditor extends StyledTextArea<BlockStyle, EditorStyle> {

    /** While set, changes are the window's own (layers): not recorded for undo, not edits. */
    private final SuspendableYes showOnly = new SuspendableYes();
    private java.util.function.Function<String, Node> previews;
    private java.util.function.Consumer<javafx.scene.image.Image> imagePaste;

    public BodyEditor() {
        super(BlockStyle.PARAGRAPH, BodyEditor::styleParagraph, EditorStyle.PLAIN, BodyEditor::styleText);
        setWrapText(true);
        getStyleClass().add("body-area");
        setUndoManager(UndoUtils.richTextSuspendableUndoManager(this, showOnly));
        refreshMarkers();
        // Numbers follow the items: a paragraph added or removed renumbers the ones after it.
        getParagraphs().sizeProperty().addListener((o, before, after) -> refreshMarkers());
    }

    /** True while a show-only change runs: listeners that save edits let it pass. */
    public boolean isShowOnlyChange() {
        return !showOnly.getValue(); // a SuspendableYes says no while suspended
    }

    // ---- The content as the message model -------------------------------------------------------

    public RichDocument document() {
        return model(getParagraphs());
    }

    private static RichDocument model(List<Paragraph<BlockStyle, String, EditorStyle>> paragraphs) {
        List<Block> blocks = new ArrayList<>(paragraphs.size());
        for (Paragraph<BlockStyle, String, EditorStyle> paragraph : paragraphs) {
            List<Span> spans = new ArrayList<>();
            for (StyledSegment<String, EditorStyle> segment : paragraph.getStyledSegments()) {
                spans.add(new Span(segment.getSegment(), segment.getStyle().format()));
            }
            blocks.add(new Block(paragraph.getParagraphStyle(), spans));
        }
        return new RichDocument(blocks);
    }

    /** Shows {@code document} in place of everything; the undo history starts afresh. */
    public void load(RichDocument document) {
        replace(0, getLength(), styled(document));
        getUndoManager().forgetHistory();
        moveTo(0);
        refreshMarkers();
    }

    /** Puts {@code document} in place of the selection (a paste); the caret goes after it. */
    void insert(RichDocument document) {
        javafx.scene.control.IndexRange selection = getSelection();
        replace(selection.getStart(), selection.getEnd(), styled(document));
        refreshMarkers();
    }

    /** Shows an image from the vault as a paragraph of its own where the caret is (issue 20). */
    public void insertImage(String sha256, String name) {
        insert(new RichDocument(List.of(Block.plain(""), Block.image(sha256, name), Block.plain(""))));
    }

    /** Where image paragraphs get their preview, and where a pasted image goes; null: neither. */
    void setImageHandling(java.util.function.Function<String, Node> previews,
                          java.util.function.Consumer<javafx.scene.image.Image> pasted) {
        this.previews = previews;
        this.imagePaste = pasted;
        refreshMarkers();
    }

    java.util.function.Consumer<javafx.scene.image.Image> imagePaste() {
        return imagePaste;
    }

    /** The previews on screen made again (a preview has loaded). */
    void refreshPreviews() {
        refreshMarkers();
    }

    /** The selection as the message model (a copy). */
    RichDocument selectedDocument() {
        javafx.scene.control.IndexRange selection = getSelection();
        return model(subDocument(selection.getStart(), selection.getEnd()).getParagraphs());
    }

    @Override
    public void copy() {
        BodyClipboard.copy(this);
    }

    @Override
    public void cut() {
        copy();
        replaceSelection("");
    }

    @Override
    public void paste() {
        BodyClipboard.paste(this);
    }

    /** Where each paragraph starts in {@link #getText()}. */
    public int[] paragraphOffsets() {
        int[] offsets = new int[getParagraphs().size()];
        int offset = 0;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = offset;
            offset += getParagraph(i).length() + 1;
        }
        return offsets;
    }

    /** Replaces paragraph {@code fromParagraph} and all after it with {@code end}; at the end when it is past the last. */
    public void replaceEnd(int fromParagraph, RichDocument end) {
        int paragraphs = getParagraphs().size();
        int start = fromParagraph >= paragraphs ? getLength() : getAbsolutePosition(fromParagraph, 0);
        ReadOnlyStyledDocument<BlockStyle, String, EditorStyle> added = styled(end);
        if (fromParagraph >= paragraphs) {
            added = ReadOnlyStyledDocument.fromString("\n", BlockStyle.PARAGRAPH, EditorStyle.PLAIN, getSegOps())
                    .concat(added);
        }
        replace(start, getLength(), added);
        refreshMarkers();
    }

    // ---- Show-only layers -------------------------------------------------------------------------

    public void addLayer(int start, int end, String styleClass) {
        showOnly.suspendWhile(() -> setStyleSpans(start, getStyleSpans(start, end).mapStyles(s -> s.withLayer(styleClass))));
    }

    public void removeLayer(int start, int end, String styleClass) {
        showOnly.suspendWhile(() -> setStyleSpans(start, getStyleSpans(start, end).mapStyles(s -> s.withoutLayer(styleClass))));
    }

    /** Takes {@code styleClass} off the whole text. */
    public void removeLayer(String styleClass) {
        removeLayer(0, getLength(), styleClass);
    }

    // ---- Paragraph styles -------------------------------------------------------------------------

    /** Sets the style of paragraphs {@code first} to {@code last} and renumbers the lists. */
    void setBlockStyles(int first, int last, java.util.function.UnaryOperator<BlockStyle> change) {
        for (int i = first; i <= last; i++) {
            setParagraphStyle(i, change.apply(getParagraph(i).getParagraphStyle()));
        }
        refreshMarkers();
    }

    /** The bullet or number in front of each list item, made again for the paragraphs on screen. */
    private void refreshMarkers() {
        setParagraphGraphicFactory(null);
        IntFunction<Node> markers = this::marker;
        setParagraphGraphicFactory(markers);
    }

    private Node marker(int index) {
        if (index >= getParagraphs().size()) {
            return null;
        }
        BlockStyle style = getParagraph(index).getParagraphStyle();
        if (style.kind() == BlockKind.IMAGE) {
            return previews == null ? null : previews.apply(style.image());
        }
        if (!style.kind().isList()) {
            return null;
        }
        Label marker = new Label(style.kind() == BlockKind.BULLET ? "•" : number(index, style) + ".");
        marker.getStyleClass().add("list-marker");
        marker.setMinWidth(24);
        marker.setPadding(new Insets(0, 4, 0, 8 + 24 * style.level()));
        return marker;
    }

    /** The item's number: one more than the items of its list before it, deeper ones not counted. */
    private int number(int index, BlockStyle style) {
        int number = 1;
        for (int i = index - 1; i >= 0; i--) {
            BlockStyle before = getParagraph(i).getParagraphStyle();
            if (!before.kind().isList() || before.level() < style.level()) {
                break;
            }
            if (before.level() == style.level()) {
                if (before.kind() != BlockKind.NUMBERED) {
                    break;
                }
                number++;
            }
        }
        return number;
    }

    private ReadOnlyStyledDocument<BlockStyle, String, EditorStyle> styled(RichDocument document) {
        List<Block> blocks = document.blocks();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            text.append(i == 0 ? "" : "\n").append(blocks.get(i).text());
        }
        ReadOnlyStyledDocument<BlockStyle, String, EditorStyle> plain = ReadOnlyStyledDocument.fromString(
                text.toString(), BlockStyle.PARAGRAPH, EditorStyle.PLAIN, getSegOps());
        int[] next = {0};
        return plain.mapParagraphs(p -> {
            Block block = blocks.get(next[0]++);
            Paragraph<BlockStyle, String, EditorStyle> styledParagraph = p.setParagraphStyle(block.style());
            return block.spans().isEmpty() ? styledParagraph : styledParagraph.restyle(0, spans(block));
        });
    }

    private static StyleSpans<EditorStyle> spans(Block block) {
        StyleSpansBuilder<EditorStyle> builder = new StyleSpansBuilder<>();
        for (Span span : block.spans()) {
            builder.add(new EditorStyle(span.style(), java.util.Set.of()), span.text().length());
        }
        return builder.create();
    }

    private static void styleText(TextExt text, EditorStyle style) {
        text.setStyle(style.css());
        text.getStyleClass().removeIf(c -> !c.equals("text"));
        text.getStyleClass().addAll(style.layers());
    }

    private static void styleParagraph(TextFlow flow, BlockStyle style) {
        flow.getStyleClass().removeAll("quote-block");
        if (style.kind() == BlockKind.QUOTE) {
            flow.getStyleClass().add("quote-block");
        }
    }
}
