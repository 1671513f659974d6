package dev.envoi.compose;

import dev.envoi.spelling.Misspelling;
import dev.envoi.spelling.ParagraphChecker;
import dev.envoi.spelling.Spellers;
import dev.envoi.spelling.SpellingLanguage;
import dev.envoi.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ContextMenuEvent;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * Spelling in the body editor: the misspelt words carry the show-only {@code misspelt} layer (a red
 * dotted underline, never saved or sent), and the context menu offers the suggestions, "Add to the
 * dictionary" and the message's language. What to mark is {@link SpellingHook}'s decision.
 */
final class BodySpelling implements SpellingTarget {

    static final String LAYER = "misspelt";

    private final BodyEditor editor;
    private final Spellers spellers;
    private final Executor ui;
    private final Texts texts;
    private final SpellingHook hook;
    private final ContextMenu menu = new ContextMenu();
    /** Counts the menus asked for: suggestions found late go to their own menu only. */
    private long menuRequest;

    private BodySpelling(BodyEditor editor, Spellers spellers, Scheduler scheduler, Executor ui, Texts texts) {
        this.editor = editor;
        this.spellers = spellers;
        this.ui = ui;
        this.texts = texts;
        this.hook = new SpellingHook(new ParagraphChecker(spellers, spellers.executor()), ui, scheduler, this,
                SpellingLanguage.forLocale(texts.locale()));
    }

    /** Checks the editor's text as it changes while {@code editing}, and gives it the spelling menu. */
    static BodySpelling install(BodyEditor editor, Spellers spellers, Scheduler scheduler, Executor ui, Texts texts,
                                ObservableBooleanValue editing) {
        BodySpelling spelling = new BodySpelling(editor, spellers, scheduler, ui, texts);
        // Only the words change what is misspelt: formatting and the marks themselves do not.
        editor.plainTextChanges().filter(change -> !change.isIdentity()).subscribe(change -> spelling.hook.textChanged());
        // The editor shows its context menu itself (mouse or keyboard); a filter fills it first.
        editor.setContextMenu(spelling.menu);
        editor.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            if (editing.get()) {
                spelling.fillMenu(event);
            } else {
                event.consume();
            }
        });
        spelling.menu.setId("spellingMenu");
        if (!editor.getText().isBlank()) {
            spelling.hook.checkNow();
        }
        return spelling;
    }

    /** The message's spelling language. */
    SpellingHook hook() {
        return hook;
    }

    // ---- SpellingTarget ---------------------------------------------------------------------------

    @Override
    public List<String> paragraphs() {
        List<String> texts = new ArrayList<>(editor.getParagraphs().size());
        editor.getParagraphs().forEach(p -> texts.add(p.getText()));
        return texts;
    }

    @Override
    public List<Misspelling> marked(int index) {
        List<Misspelling> marked = new ArrayList<>();
        String text = editor.getParagraph(index).getText();
        int at = 0;
        for (StyleSpan<EditorStyle> span : editor.getParagraph(index).getStyleSpans()) {
            int end = at + span.getLength();
            if (span.getStyle().layers().contains(LAYER) && end > at) {
                marked.add(new Misspelling(at, end, text.substring(at, end)));
            }
            at = end;
        }
        return marked;
    }

    @Override
    public void mark(int index, List<Misspelling> words) {
        int start = editor.getAbsolutePosition(index, 0);
        int length = editor.getParagraph(index).length();
        if (length > 0) {
            editor.removeLayer(start, start + length, LAYER);
        }
        for (Misspelling word : words) {
            if (word.end() <= length) {
                editor.addLayer(start + word.start(), start + word.end(), LAYER);
            }
        }
    }

    // ---- The context menu -------------------------------------------------------------------------

    private void fillMenu(ContextMenuEvent event) {
        // From the keyboard (the menu key, Shift+F10) the word is the caret's.
        int position = event.isKeyboardTrigger() ? editor.getCaretPosition()
                : editor.hit(event.getX(), event.getY()).getInsertionIndex();
        TwoDimensional.Position place = editor.offsetToPosition(position, TwoDimensional.Bias.Forward);
        int paragraph = place.getMajor();
        Misspelling word = hook.misspellingAt(paragraph, place.getMinor()).orElse(null);
        long request = ++menuRequest;
        fill(word, List.of(), paragraph);
        if (word == null) {
            return;
        }
        // Suggestions may take a moment: found off the FX thread, added to the menu when they are.
        spellers.speller(hook.languageProperty().get())
                .thenApplyAsync(s -> s.suggestions(word.word()), spellers.executor())
                .thenAccept(suggestions -> ui.execute(() -> {
                    if (request == menuRequest) {
                        fill(word, suggestions, paragraph);
                    }
                }));
    }

    private void fill(Misspelling word, List<String> suggestions, int paragraph) {
        menu.getItems().setAll(SpellingMenu.items(texts, word == null ? null : word.word(), suggestions,
                hook.languageProperty().get(), s -> replace(paragraph, word, s), () -> addToDictionary(word),
                hook.languageProperty()::set));
    }

    /** Replaces the word where it still is; a paragraph changed meanwhile is left alone. */
    private void replace(int paragraph, Misspelling word, String suggestion) {
        if (paragraph >= editor.getParagraphs().size()) {
            return;
        }
        String text = editor.getParagraph(paragraph).getText();
        if (word.end() <= text.length() && text.substring(word.start(), word.end()).equals(word.word())) {
            int start = editor.getAbsolutePosition(paragraph, word.start());
            editor.replaceText(start, start + word.word().length(), suggestion);
        }
    }

    private void addToDictionary(Misspelling word) {
        spellers.speller(hook.languageProperty().get()).thenAcceptAsync(s -> {
            try {
                s.addToDictionary(word.word());
            } catch (java.io.IOException e) {
                return; // still underlined: the user sees it was not added
            }
            ui.execute(hook::dictionaryChanged);
        }, spellers.executor());
    }
}
