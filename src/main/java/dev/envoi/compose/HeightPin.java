package dev.envoi.compose;

import javafx.scene.layout.Region;

/**
 * Holds a region at the height it has, and lets it go. While a message is on its way the window
 * swaps what some parts show (addresses become words, the attachment list a line per file); held
 * at their heights, those parts move nothing else, so the window redraws only what changed.
 */
final class HeightPin {

    private HeightPin() {
    }

    static void hold(Region region) {
        double height = region.getHeight();
        if (height > 0) {
            region.setMinHeight(height);
            region.setPrefHeight(height);
            region.setMaxHeight(height);
        }
    }

    static void release(Region region) {
        region.setMinHeight(Region.USE_COMPUTED_SIZE);
        region.setPrefHeight(Region.USE_COMPUTED_SIZE);
        region.setMaxHeight(Region.USE_COMPUTED_SIZE);
    }
}
