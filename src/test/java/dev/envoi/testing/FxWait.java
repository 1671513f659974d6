package dev.envoi.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waits, in a TestFX test, until the FX thread has made something true, and says what did not happen. */
public final class FxWait {

    private FxWait() {
    }

    public static void until(BooleanSupplier condition, String what) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting until " + what);
        }
    }
}
