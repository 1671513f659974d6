import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * How much a body editor costs to start: one JVM per editor ("empty", "textarea", "richtextfx",
 * "htmleditor"), timing from JVM start to the first frame with the editor shown, and the heap
 * in use after a full GC once it is shown. docs/rich-text.md has the figures and how it is run.
 * Reflection keeps each editor's classes out of the other runs.
 */
public final class EditorProbe {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                Parent editor = switch (kind) {
                    case "empty" -> new BorderPane();
                    case "textarea" -> new BorderPane(new javafx.scene.control.TextArea("Hello"));
                    default -> new BorderPane((Parent) Class.forName(kind.equals("richtextfx")
                            ? "org.fxmisc.richtext.InlineCssTextArea" : "javafx.scene.web.HTMLEditor")
                            .getConstructor().newInstance());
                };
                Stage stage = new Stage();
                stage.setScene(new Scene(editor, 780, 580));
                stage.show();
                Platform.runLater(() -> Platform.runLater(shown::countDown));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        shown.await();
        long startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        long ms = System.currentTimeMillis() - startedAt;
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.gc();
        Thread.sleep(300);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // Resident memory counts what the heap does not: WebKit's native engine and its caches.
        String rss = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        System.out.printf("%s first-frame-ms=%d classes=%d heap-kib=%d %s%n", kind, ms, classes, heap / 1024, rss);
        Platform.exit();
        System.exit(0);
    }
}
