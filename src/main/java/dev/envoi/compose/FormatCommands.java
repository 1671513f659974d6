package dev.envoi.compose;

import dev.envoi.message.rich.BlockKind;
import dev.envoi.message.rich.BlockStyle;
import dev.envoi.message.rich.LinkTarget;
import dev.envoi.message.rich.TextStyle;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javafx.scene.control.IndexRange;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * What the formatting buttons and shortcuts do to the body editor's selection: marks on the
 * selected characters, list, quote and indent on the selected paragraphs. With nothing selected,
 * a mark applies to what is typed next.
 */
final class FormatCommands {

    /** The marks a button toggles. */
    enum Mark {
        BOLD(TextStyle::bold, TextStyle::withBold),
        ITALIC(TextStyle::italic, TextStyle::withItalic),
        UNDERLINE(TextStyle::underline, TextStyle::withUnderline),
        STRIKE(TextStyle::strike, TextStyle::withStrike);

        private final Predicate<TextStyle> isOn;
        private final java.util.function.BiFunction<TextStyle, Boolean, TextStyle> set;

        Mark(Predicate<TextStyle> isOn, java.util.function.BiFunction<TextStyle, Boolean, TextStyle> set) {
            this.isOn = isOn;
            this.set = set;
        }
    }

    private final BodyEditor editor;
    /** A mark chosen with nothing selected: it goes on the next characters typed at the caret. */
    private EditorStyle typingStyle;
    private int typingAt = -1;

    FormatCommands(BodyEditor editor) {
        this.editor = editor;
        editor.plainTextChanges().subscribe(change -> {
            if (typingStyle != null && change.getPosition() == typingAt && !change.getInserted().isEmpty()) {
                EditorStyle style = typingStyle;
                int end = change.getInsertionEnd();
                typingStyle = null;
                // After this change is done: RichTextFX refuses a change made while it emits one.
                javafx.application.Platform.runLater(() -> {
                    if (end <= editor.getLength()) {
                        editor.setStyle(change.getPosition(), end, style);
                    }
                });
            }
        });
        editor.caretPositionProperty().addListener((o, a, b) -> {
            if (typingStyle != null && b.intValue() != typingAt && b.intValue() != typingAt + 1) {
                typingStyle = null;
            }
        });
    }

    void toggle(Mark mark) {
        IndexRange selection = editor.getSelection();
        if (selection.getLength() == 0) {
            int caret = editor.getCaretPosition();
            EditorStyle current = typingStyle != null ? typingStyle : editor.getStyleAtPosition(caret);
            typingStyle = current.withFormat(s -> mark.set.apply(s, !mark.isOn.test(s)));
            typingAt = caret;
            return;
        }
        StyleSpans<EditorStyle> spans = editor.getStyleSpans(selection);
        boolean allOn = true;
        for (StyleSpan<EditorStyle> span : spans) {
            allOn &= span.getLength() == 0 || mark.isOn.test(span.getStyle().format());
        }
        boolean on = !allOn;
        editor.setStyleSpans(selection.getStart(), spans.mapStyles(s -> s.withFormat(f -> mark.set.apply(f, on))));
        editor.requestFocus();
    }

    /** True when every selected character (or the caret's style) has the mark: the button shows it pressed. */
    boolean isOn(Mark mark) {
        if (typingStyle != null) {
            return mark.isOn.test(typingStyle.format());
        }
        IndexRange selection = editor.getSelection();
        if (selection.getLength() == 0) {
            return mark.isOn.test(editor.getStyleAtPosition(editor.getCaretPosition()).format());
        }
        for (StyleSpan<EditorStyle> span : editor.getStyleSpans(selection)) {
            if (span.getLength() > 0 && !mark.isOn.test(span.getStyle().format())) {
                return false;
            }
        }
        return true;
    }

    /** A bulleted or numbered list, or a quote: on for the selected paragraphs, or off when they all are already. */
    void toggleBlock(BlockKind kind) {
        int[] range = selectedParagraphs();
        boolean allAlready = true;
        for (int i = range[0]; i <= range[1]; i++) {
            allAlready &= editor.getParagraph(i).getParagraphStyle().kind() == kind;
        }
        boolean off = allAlready;
        editor.setBlockStyles(range[0], range[1], style -> off ? BlockStyle.PARAGRAPH
                : new BlockStyle(kind, style.kind().isList() ? style.level() : 0));
        editor.requestFocus();
    }

    void indent() {
        changeBlocks(BlockStyle::indented);
    }

    void outdent() {
        changeBlocks(BlockStyle::outdented);
    }

    /** Marks, links, lists and quotes off: plain paragraphs of the same words. */
    void clearFormatting() {
        IndexRange selection = editor.getSelection();
        if (selection.getLength() > 0) {
            editor.setStyleSpans(selection.getStart(),
                    editor.getStyleSpans(selection).mapStyles(s -> s.withFormat(f -> TextStyle.PLAIN)));
        }
        int[] range = selectedParagraphs();
        editor.setBlockStyles(range[0], range[1], style -> BlockStyle.PARAGRAPH);
        typingStyle = null;
        editor.requestFocus();
    }

    /** The link on the selection, or the words {@code text} inserted with it at the caret. Unsafe targets are refused. */
    boolean link(String text, String target) {
        String safe = LinkTarget.normalise(target);
        if (!LinkTarget.isSafe(safe)) {
            return false;
        }
        IndexRange selection = editor.getSelection();
        if (selection.getLength() == 0 || !text.equals(editor.getSelectedText())) {
            String words = text.isBlank() ? safe : text.replace('\n', ' ');
            EditorStyle style = editor.getStyleAtPosition(selection.getStart()).withFormat(f -> f.withLink(safe));
            editor.replace(selection.getStart(), selection.getEnd(), words, style);
        } else {
            editor.setStyleSpans(selection.getStart(),
                    editor.getStyleSpans(selection).mapStyles(s -> s.withFormat(f -> f.withLink(safe))));
        }
        editor.requestFocus();
        return true;
    }

    /** The link target under the selection's start, or empty: the link dialog starts from it. */
    String currentLink() {
        return editor.getStyleOfChar(editor.getSelection().getStart()).format().link();
    }

    /** True when the caret's paragraph is a list item: Tab and Shift+Tab then indent and outdent it. */
    boolean inListItem() {
        return editor.getParagraph(editor.getCurrentParagraph()).getParagraphStyle().kind().isList();
    }

    /** An empty list item or quote line at the caret becomes a plain paragraph; false when there is none. */
    boolean endBlockIfEmpty() {
        int paragraph = editor.getCurrentParagraph();
        var current = editor.getParagraph(paragraph);
        if (current.length() > 0 || current.getParagraphStyle().kind() == BlockKind.PARAGRAPH) {
            return false;
        }
        editor.setBlockStyles(paragraph, paragraph, style -> BlockStyle.PARAGRAPH);
        return true;
    }

    private void changeBlocks(UnaryOperator<BlockStyle> change) {
        int[] range = selectedParagraphs();
        editor.setBlockStyles(range[0], range[1], style -> style.kind().isList() ? change.apply(style) : style);
        editor.requestFocus();
    }

    private int[] selectedParagraphs() {
        IndexRange selection = editor.getSelection();
        int first = editor.offsetToPosition(selection.getStart(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward)
                .getMajor();
        int last = editor.offsetToPosition(selection.getEnd(), org.fxmisc.richtext.model.TwoDimensional.Bias.Backward)
                .getMajor();
        return new int[] {first, Math.max(first, last)};
    }
}
