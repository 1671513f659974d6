package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ComposeRequest;
import dev.envoi.app.instance.WindowInbox;
import dev.envoi.app.instance.WindowRequest;
import dev.envoi.message.Recipient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clicked mailto: links on macOS: the handler is installed on a Mac only, a link becomes a compose
 * window (even one clicked before the toolkit is up), and a bad link is one logged line. The AWT
 * glue itself needs a Mac; on Linux the window process is checked not to load it at all
 * ({@link SingleInstanceProcessTest}).
 */
class MacMailtoLinksTest {

    private final List<WindowRequest> opened = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private void attachWindows(WindowInbox inbox) {
        inbox.attach(request -> {
            opened.add(request);
            return CompletableFuture.completedFuture(null);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mac OS X", "macOS", "Darwin"})
    void macOsIsRecognised(String osName) {
        assertTrue(MacMailtoLinks.isMac(osName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Linux", "Windows 11", "FreeBSD", ""})
    void otherSystemsAreNotMacOs(String osName) {
        assertFalse(MacMailtoLinks.isMac(osName));
    }

    @Test
    void aClickedLinkOpensAComposeWindowEvenBeforeTheSessionRuns() throws Exception {
        WindowInbox inbox = new WindowInbox();
        MacMailtoLinks.open("mailto:jane@example.org?subject=Caf%C3%A9&cc=bob@example.org", inbox, log::add);
        assertEquals(List.of(), opened, "kept until the session attaches");
        attachWindows(inbox);
        assertEquals(1, opened.size(), log.toString());
        ComposeRequest compose = opened.get(0).compose();
        assertEquals("Café", compose.subject());
        assertEquals(List.of(Recipient.to("jane@example.org"), Recipient.cc("bob@example.org")), compose.recipients());
    }

    @Test
    void aBadLinkIsOneLoggedLineAndOpensNothing() {
        WindowInbox inbox = new WindowInbox();
        attachWindows(inbox);
        MacMailtoLinks.open("mailto:jane@example.org?subject=%E9t%E9", inbox, log::add);
        MacMailtoLinks.open("https://example.org/", inbox, log::add);
        assertEquals(List.of(), opened);
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(0).contains("not UTF-8"), log.get(0));
        assertTrue(log.get(1).contains("not mailto:"), log.get(1));
    }

    @Test
    void aLinkClickedWhileEnvoiQuitsIsLogged() {
        WindowInbox inbox = new WindowInbox();
        attachWindows(inbox);
        inbox.close();
        MacMailtoLinks.open("mailto:jane@example.org", inbox, log::add);
        assertEquals(List.of(), opened);
        assertEquals(List.of("could not open a window: Envoi is quitting"), log);
    }

    @Test
    void onLinuxNothingIsInstalled() {
        MacMailtoLinks.installIfMac("Linux", new WindowInbox(), log::add);
        assertEquals(List.of(), log);
    }

    @Test
    void aMacWithoutDesktopSupportSaysSoInsteadOfFailing() {
        // The tests run with java.awt.headless=true, where AWT has no desktop to ask.
        MacMailtoLinks.installIfMac("Mac OS X", new WindowInbox(), log::add);
        assertEquals(List.of("this Java cannot receive clicked mailto: links (no desktop support)"), log);
    }
}
