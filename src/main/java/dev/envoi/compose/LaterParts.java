package dev.envoi.compose;

import dev.envoi.ui.FirstFrame;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Parts of the compose window that nobody can reach in its first frame, made right after it
 * (issue 21, benchmark 7): what the first frame shows does not wait for them. They are made in one
 * FX task queued during the first frame's pulse, before the body editor ({@link LazyBody}), so every
 * key, click or hover that comes after the first frame finds them made.
 */
final class LaterParts {

    private final List<Runnable> parts = new ArrayList<>();
    private boolean made;

    /** Makes {@code part} after the first frame, or at once if that has passed. */
    void add(Runnable part) {
        if (made) {
            part.run();
        } else {
            parts.add(part);
        }
    }

    void makeAfterFirstFrame(Scene scene) {
        FirstFrame.afterLayout(scene, () -> Platform.runLater(this::make));
    }

    private void make() {
        made = true;
        for (Runnable part : parts) {
            part.run();
        }
        parts.clear();
    }
}
