package dev.envoi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Envoi's windows fill their controls' backgrounds directly, not from JavaFX's cache of them cut in
 * nine, which the software pipeline stretches pixel by pixel (ui.RegionPainting; issue 21, scrolling
 * Sent). A real `envoi` start with JavaFX's pulse logger on, which counts each way a region was
 * painted in every pulse, shows which the first window's pulses took.
 */
@Timeout(360)
class FirstWindowPaintingTest {

    private static final String PULSE_LOGGER = "-Djavafx.pulseLogger=true";
    /** The pulse logger's counters for a background painted from the cache, and into it. */
    private static final List<String> FROM_CACHE = List.of("Cached region background image used",
            "Rendering region background image to cache");
    private static final String FILLED_DIRECTLY = "NGRegion renderBackgrounds slow path";

    @TempDir
    Path home;

    @Test
    void theFirstWindowFillsItsBackgroundsDirectly() throws Exception {
        String pulses = HeadlessLaunch.run(home, List.of(PULSE_LOGGER));

        assertTrue(pulses.contains(FILLED_DIRECTLY), "the log counts the backgrounds painted: " + pulses);
        assertEquals(List.of(), FROM_CACHE.stream().filter(pulses::contains).toList(), pulses);
    }

    @Test
    void whoeverStartsTheJvmMayTurnTheCacheBackOn() throws Exception {
        String pulses = HeadlessLaunch.run(home, List.of(PULSE_LOGGER, "-Dprism.disableRegionCaching=false"));

        assertTrue(FROM_CACHE.stream().anyMatch(pulses::contains), pulses);
    }
}
