package dev.envoi.testing;

import javax.net.ssl.SSLException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test that expects Envoi to refuse a GreenMail server's certificate: GreenMail's connection
 * thread then ends in an uncaught SSLException, which the JVM would print as a stack trace on a
 * passing build (and TestFX would rethrow as the test's failure). This keeps exactly that
 * exception quiet for the test's duration; any other uncaught exception goes where it went.
 * List it after ApplicationExtension so it wraps TestFX's handler.
 */
public final class QuietRefusedHandshakes implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(QuietRefusedHandshakes.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Thread.UncaughtExceptionHandler usual = Thread.getDefaultUncaughtExceptionHandler();
        context.getStore(HERE).put("usual", new Holder(usual));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (isGreenMailsRefusedHandshake(error)) {
                return;
            }
            if (usual != null) {
                usual.uncaughtException(thread, error);
            } else {
                thread.getThreadGroup().uncaughtException(thread, error);
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Holder holder = context.getStore(HERE).remove("usual", Holder.class);
        Thread.setDefaultUncaughtExceptionHandler(holder == null ? null : holder.handler());
    }

    static boolean isGreenMailsRefusedHandshake(Throwable error) {
        StackTraceElement[] where = error.getStackTrace();
        if (where.length == 0 || !where[0].getClassName().startsWith("com.icegreen.greenmail.")) {
            return false;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private record Holder(Thread.UncaughtExceptionHandler handler) {
    }
}
