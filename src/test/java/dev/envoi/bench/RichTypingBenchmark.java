package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.compose.BodyEditor;
import dev.envoi.compose.ComposeContext;
import dev.envoi.compose.ComposeSettings;
import dev.envoi.compose.ComposeWindow;
import dev.envoi.compose.FxScheduler;
import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.BlockKind;
import dev.envoi.message.rich.BlockStyle;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.message.rich.Span;
import dev.envoi.message.rich.TextStyle;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.ui.RegionPainting;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 8 (issue 20): typing into a 20-page formatted message. A real compose window, headless,
 * holds about 60,000 characters in 1,000 paragraphs (marks, lists, quotes, links); 300 keys are
 * typed in the middle, one every 30 ms. Figures: the FX thread's time per key (the editor's change
 * and the body fields it keeps: plain text and stored HTML), and the gaps between pulses meanwhile.
 */
class RichTypingBenchmark {

    private static final String BENCHMARK = "10. typing in a 20-page formatted message";
    private static final int KEYS = 300;

    @TempDir
    Path work;

    private final List<Long> pulses = new ArrayList<>();

    @Test
    void keysAndFramesWhileTyping() throws Exception {
        // As the app starts the toolkit (EnvoiApp.launch): the figures are the product's.
        RegionPainting.fillDirectly();
        Platform.startup(() -> { });
        ExecutorService background = Executors.newCachedThreadPool();
        try (SqliteMessageStore store = SqliteMessageStore.open(work.resolve("profile"))) {
            ComposeContext context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                    Clock.systemDefaultZone(), new ComposeSettings(Duration.ofHours(1), Duration.ZERO, 0),
                    new ProgressHub()::subscribe, id -> { });
            RichDocument twentyPages = twentyPages();
            ComposeWindow window = onFx(() -> {
                ComposeWindow w = new ComposeWindow(context, owner -> new AgreeingDialogs(), owner -> List::of,
                        List.of(dev.envoi.compose.Sender.of(SmtpPeers.FROM)));
                w.show();
                w.model().message().bodyHtmlProperty().set(HtmlWriter.fragment(twentyPages));
                w.model().message().bodyProperty().set(twentyPages.plainText());
                return w;
            });
            BodyEditor editor = dev.envoi.compose.WindowBody.await(window); // built after the first frame
            onFx(() -> {
                editor.requestFocus();
                editor.moveTo(500, 0);
                editor.requestFollowCaret();
                return null;
            });
            Thread.sleep(1000);
            AnimationTimer timer = onFx(() -> {
                AnimationTimer t = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        pulses.add(System.nanoTime());
                    }
                };
                t.start();
                return t;
            });
            Thread.sleep(3000);
            Stats idle = gaps(onFx(() -> {
                List<Long> copy = List.copyOf(pulses);
                pulses.clear();
                return copy;
            }));
            List<Long> keyTimes = new ArrayList<>();
            for (int i = 0; i < KEYS; i++) {
                String key = i % 6 == 5 ? " " : "x";
                keyTimes.add(onFx(() -> {
                    long start = System.nanoTime();
                    editor.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, key, key, KeyCode.UNDEFINED,
                            false, false, false, false));
                    return System.nanoTime() - start;
                }));
                Thread.sleep(30);
            }
            List<Long> marks = onFx(() -> {
                timer.stop();
                return List.copyOf(pulses);
            });
            int typed = onFx(() -> window.model().message().bodyProperty().get().length()) - twentyPages.plainText().length();
            assertTrue(typed == KEYS, "every key reached the message: " + typed);
            onFx(() -> {
                window.stage().close();
                return null;
            });
            Stats perKey = Stats.millis(keyTimes);
            Stats frames = gaps(marks);
            new BenchReport.Figure(BENCHMARK, "FX thread time per key (editor, plain text and stored HTML), longest "
                    + Stats.format(perKey.max()) + " ms", perKey).record();
            new BenchReport.Figure(BENCHMARK, "pulse gaps while typing, longest " + Stats.format(frames.max()) + " ms",
                    frames).against("the same window idle", idle).bar("no gap over 33 ms", frames.max() <= 33).record();
        } finally {
            background.shutdown();
            Platform.exit();
        }
    }

    private static Stats gaps(List<Long> marks) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < marks.size(); i++) {
            gaps.add(marks.get(i) - marks.get(i - 1));
        }
        return Stats.millis(gaps);
    }

    /** About 20 pages: 1,000 paragraphs of some 60 characters, every kind of formatting among them. */
    private static RichDocument twentyPages() {
        List<Block> blocks = new ArrayList<>();
        String words = "A line of an ordinary letter, written on as people write mail";
        for (int i = 0; i < 1000; i++) {
            BlockKind kind = switch (i % 10) {
                case 3, 4 -> BlockKind.BULLET;
                case 6 -> BlockKind.NUMBERED;
                case 8 -> BlockKind.QUOTE;
                default -> BlockKind.PARAGRAPH;
            };
            blocks.add(new Block(new BlockStyle(kind, i % 10 == 4 ? 1 : 0), List.of(
                    new Span("Point " + i + ": ", TextStyle.PLAIN.withBold(true)), new Span(words, TextStyle.PLAIN),
                    new Span(" here", TextStyle.PLAIN.withLink("https://example.org/" + i)))));
        }
        return new RichDocument(blocks);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
