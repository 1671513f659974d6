package dev.envoi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.testing.FxWait;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Real windows under Monocle: the icons, decoded off the FX thread after the first frame, reach every window. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class WindowIconsTest {

    @Test
    void everyWindowGetsTheSevenIconSizesOnceShown() throws Exception {
        Stage first = shown();
        FxWait.until(() -> first.getIcons().size() == 7, "the first window's icons");
        Stage second = shown();
        FxWait.until(() -> second.getIcons().size() == 7, "a later window's icons");
        List<Double> widths = onFx(() -> second.getIcons().stream().map(Image::getWidth).toList());
        assertEquals(List.of(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0), widths);
        onFx(() -> {
            first.close();
            second.close();
            return null;
        });
    }

    private static Stage shown() throws Exception {
        return onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Label("icons"), 200, 100));
            WindowIcons.apply(stage);
            stage.show();
            return stage;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
