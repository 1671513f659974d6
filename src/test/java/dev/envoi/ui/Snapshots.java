package dev.envoi.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Pictures of windows for a person to look at, kept only when {@code -Denvoi.shots=DIR} asks. */
final class Snapshots {

    private Snapshots() {
    }

    /** Call on the FX thread. */
    static void keep(Scene scene, String name) {
        String dir = System.getProperty("envoi.shots", "");
        if (dir.isBlank()) {
            return;
        }
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        String theme = System.getProperty("envoi.shots.theme", "light");
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(out, "png", Path.of(dir, System.getProperty("envoi.shots.prefix", "") + name + "-" + theme + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
