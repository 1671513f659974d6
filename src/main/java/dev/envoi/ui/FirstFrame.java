package dev.envoi.ui;

import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Work that a window's start can do without: run once at the end of the first layout pulse in
 * which the scene's window is showing, so that the window's first frame is not made to wait for
 * it (issue 21, benchmark 7). Call on the FX thread.
 */
public final class FirstFrame {

    private FirstFrame() {
    }

    /** Runs {@code work} on the FX thread, in the first layout pulse that finds the window showing. */
    public static void afterLayout(Scene scene, Runnable work) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            Window window = scene.getWindow();
            if (window != null && window.isShowing()) {
                scene.removePostLayoutPulseListener(once[0]);
                work.run();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
