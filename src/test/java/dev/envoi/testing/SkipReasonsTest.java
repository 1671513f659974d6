package dev.envoi.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Skipped tests print their reason: run through the real JUnit launcher with the listener. */
class SkipReasonsTest {

    @Test
    void eachSkippedTestIsPrintedWithItsReason() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SkipReasons listener = new SkipReasons(new PrintStream(printed, true, StandardCharsets.UTF_8));
        // Only this listener: the one registered for the whole build would print these fake skips too.
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Situations.class)).build(), listener);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[SKIPPED] SkipReasonsTest$Situations > needsAKeyring(): Assumption failed: no system keyring here"),
                text);
        assertTrue(text.contains("[SKIPPED] SkipReasonsTest$Situations > brokenOnPurpose(): waits for issue 99"), text);
        assertTrue(text.contains("Skipped tests and why (2):"), text);
        assertTrue(!text.contains("runs()"), "a test that ran is not listed: " + text);
    }

    /** Run only by the test above: Maven's surefire leaves nested classes alone. */
    static class Situations {
        @Test
        void needsAKeyring() {
            Assumptions.assumeTrue(false, "no system keyring here");
        }

        @Test
        @Disabled("waits for issue 99")
        void brokenOnPurpose() {
        }

        @Test
        void runs() {
        }
    }
}
