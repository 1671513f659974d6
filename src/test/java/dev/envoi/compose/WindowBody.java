package dev.envoi.compose;

import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * For window tests: the compose window builds its body editor (id {@code bodyArea}) right after its
 * first frame ({@link LazyBody}), so a test that types into the body or looks it up waits for it.
 */
public final class WindowBody {

    private WindowBody() {
    }

    /** Waits (off the FX thread) until the window's body editor exists and has had its first layout. */
    public static BodyEditor await(ComposeWindow window) throws Exception {
        BodyEditor editor = window.bodyReady().toCompletableFuture().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return editor;
    }
}
