package dev.envoi.compose;

import dev.envoi.spelling.Misspelling;
import dev.envoi.spelling.ParagraphChecker;
import dev.envoi.spelling.SpellingLanguage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Underlines misspelt words as the user types, without slowing the typing: a check starts once
 * typing pauses ({@link #PAUSE}), runs off the FX thread (answers remembered per paragraph, so only
 * paragraphs that changed are checked), and only paragraphs whose marks differ from the answer are
 * restyled. A paragraph edited meanwhile keeps its marks until the next check.
 */
public final class SpellingHook {

    /** How long typing must pause before a check starts. */
    public static final Duration PAUSE = Duration.ofMillis(300);

    private final ParagraphChecker checker;
    private final Executor ui;
    private final Scheduler scheduler;
    private final SpellingTarget target;
    private final ObjectProperty<SpellingLanguage> language;
    private Scheduler.Cancellable pending;
    private Map<String, List<Misspelling>> lastAnswers = Map.of();

    public SpellingHook(ParagraphChecker checker, Executor ui, Scheduler scheduler, SpellingTarget target,
                        SpellingLanguage initial) {
        this.checker = checker;
        this.ui = ui;
        this.scheduler = scheduler;
        this.target = target;
        this.language = new SimpleObjectProperty<>(initial);
        language.addListener((o, was, now) -> checkNow());
    }

    /** The message's language: the window's at first; the context menu switches it. */
    public ObjectProperty<SpellingLanguage> languageProperty() {
        return language;
    }

    /** The text changed: check once typing pauses. Call on the UI thread. */
    public void textChanged() {
        if (pending != null) {
            pending.cancel();
        }
        pending = scheduler.schedule(PAUSE, this::checkNow);
    }

    /** Checks now (a language switch, a word added, the window opening). Call on the UI thread. */
    public void checkNow() {
        pending = null;
        List<String> paragraphs = target.paragraphs();
        SpellingLanguage checkedIn = language.get();
        checker.check(checkedIn, paragraphs).thenAccept(answers -> ui.execute(() -> {
            if (checkedIn == language.get()) {
                apply(answers);
            }
        }));
    }

    /** A word was added to the dictionary: forget the answers and check again. */
    public void dictionaryChanged() {
        checker.forget();
        checkNow();
    }

    /** The misspelt word at {@code column} of paragraph {@code index}, as last checked. */
    public Optional<Misspelling> misspellingAt(int index, int column) {
        List<String> paragraphs = target.paragraphs();
        if (index < 0 || index >= paragraphs.size()) {
            return Optional.empty();
        }
        return lastAnswers.getOrDefault(paragraphs.get(index), List.of()).stream()
                .filter(m -> m.start() <= column && column <= m.end()).findFirst();
    }

    private void apply(Map<String, List<Misspelling>> answers) {
        lastAnswers = answers;
        List<String> now = target.paragraphs();
        for (int i = 0; i < now.size(); i++) {
            List<Misspelling> answer = answers.get(now.get(i));
            // No answer: the paragraph changed since the check; the next check (already due) marks it.
            if (answer != null && !answer.equals(target.marked(i))) {
                target.mark(i, answer);
            }
        }
    }
}
