package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.spelling.Misspelling;
import dev.envoi.spelling.ParagraphChecker;
import dev.envoi.spelling.Spellers;
import dev.envoi.spelling.SpellingLanguage;
import dev.envoi.testing.UiQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When and where the hook marks words, with the real dictionaries, over a list of paragraphs that
 * records each restyle (the window's editor is tested in the compose window tests).
 */
@Timeout(60)
class SpellingHookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path profile;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final UiQueue ui = new UiQueue();
    private final ManualScheduler scheduler = new ManualScheduler();

    /** Paragraphs and their marks; counts the restyles. */
    private static final class Paragraphs implements SpellingTarget {
        final List<String> texts = new ArrayList<>();
        final Map<Integer, List<Misspelling>> marks = new HashMap<>();
        final List<Integer> restyled = new ArrayList<>();

        @Override
        public List<String> paragraphs() {
            return List.copyOf(texts);
        }

        @Override
        public List<Misspelling> marked(int index) {
            return marks.getOrDefault(index, List.of());
        }

        @Override
        public void mark(int index, List<Misspelling> words) {
            restyled.add(index);
            marks.put(index, words);
        }

        List<String> markedWords(int index) {
            return marked(index).stream().map(Misspelling::word).toList();
        }
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void checksOnceTypingPausesAndRestylesOnlyTheParagraphsThatChanged() throws Exception {
        Paragraphs body = new Paragraphs();
        body.texts.addAll(List.of("Dear Ann,", "I recieve your mesage.", "See you."));
        SpellingHook hook = new SpellingHook(new ParagraphChecker(new Spellers(profile, thread), thread), ui, scheduler,
                body, SpellingLanguage.ENGLISH);

        hook.textChanged();
        scheduler.advance(Duration.ofMillis(100));
        hook.textChanged();
        scheduler.advance(Duration.ofMillis(200));
        ui.runPending();
        assertEquals(List.of(), body.restyled, "still typing: nothing checked yet");
        scheduler.advance(Duration.ofMillis(100));
        ui.runUntil(() -> !body.restyled.isEmpty(), WAIT, "the first check");
        assertEquals(List.of("recieve", "mesage"), body.markedWords(1));
        assertEquals(List.of(1), body.restyled, "paragraphs without mistakes are left alone");
        assertEquals(new Misspelling(2, 9, "recieve"), hook.misspellingAt(1, 5).orElseThrow());

        body.texts.set(1, "I receive your mesage.");
        body.texts.add("Bye for nw");
        hook.textChanged();
        scheduler.advance(SpellingHook.PAUSE);
        ui.runUntil(() -> body.restyled.size() == 3, WAIT, "the second check");
        assertEquals(List.of(1, 1, 3), body.restyled);
        assertEquals(List.of("mesage"), body.markedWords(1));
        assertEquals(List.of("nw"), body.markedWords(3));
        assertTrue(hook.misspellingAt(1, 5).isEmpty());
    }

    @Test
    void switchingTheLanguageChecksAgainInIt() throws Exception {
        Paragraphs body = new Paragraphs();
        body.texts.add("Bonjour, je recois ton message.");
        SpellingHook hook = new SpellingHook(new ParagraphChecker(new Spellers(profile, thread), thread), ui, scheduler,
                body, SpellingLanguage.ENGLISH);
        hook.checkNow();
        ui.runUntil(() -> !body.restyled.isEmpty(), WAIT, "checked in English");
        assertEquals(List.of("Bonjour", "je", "recois"), body.markedWords(0));

        hook.languageProperty().set(SpellingLanguage.FRENCH);
        ui.runUntil(() -> body.restyled.size() == 2, WAIT, "checked in French");
        assertEquals(List.of("recois"), body.markedWords(0));
    }
}
