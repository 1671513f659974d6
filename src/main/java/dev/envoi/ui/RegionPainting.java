package dev.envoi.ui;

/**
 * How JavaFX paints the backgrounds of Envoi's controls, set before its toolkit starts.
 *
 * <p>A background of several fills (Modena's table rows, fields, buttons, scroll bars) is painted
 * from a picture of it cached once, cut in nine and stretched to the control. In the software
 * pipeline, which JavaFX uses where there is no usable GPU (virtual machines, remote desktops,
 * Xvfb), that stretching is done pixel by pixel: it was four fifths of the renderer's time while Sent
 * scrolled, enough to skip frames (issue 21, docs/benchmarks.md). Filling the rectangles directly
 * paints the same background for a fifth of it. A GPU draws either way as a handful of quads.
 */
public final class RegionPainting {

    /** Prism's own switch for that cache (com.sun.prism.impl.PrismSettings). */
    static final String CACHE_OFF = "prism.disableRegionCaching";

    private RegionPainting() {
    }

    /** Backgrounds are filled directly, unless whoever started the JVM chose otherwise. */
    public static void fillDirectly() {
        if (System.getProperty(CACHE_OFF) == null) {
            System.setProperty(CACHE_OFF, "true");
        }
    }
}
