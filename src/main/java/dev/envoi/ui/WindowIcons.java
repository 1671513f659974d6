package dev.envoi.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon on every window, in the sizes the desktop picks from (task bar, Alt+Tab, title). */
public final class WindowIcons {

    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static List<Image> icons;

    private WindowIcons() {
    }

    public static void apply(Stage stage) {
        stage.getIcons().setAll(icons());
    }

    private static synchronized List<Image> icons() {
        if (icons == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                InputStream png = WindowIcons.class.getResourceAsStream("/dev/envoi/app/icons/icon-" + size + ".png");
                if (png != null) {
                    loaded.add(new Image(png));
                }
            }
            icons = List.copyOf(loaded);
        }
        return icons;
    }
}
