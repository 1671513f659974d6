package dev.envoi.ui;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;

/**
 * WCAG 2.2 contrast of a text against what is drawn behind it, with the colours the CSS engine
 * worked out from the style sheets (Modena's derive() and ladder() included).
 */
final class Contrast {

    private Contrast() {
    }

    /** The contrast ratio, 1 to 21 (WCAG 2.2, 1.4.3). */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The text's colour, if it is a plain colour. */
    static Optional<Color> foreground(Labeled labeled) {
        return labeled.getTextFill() instanceof Color c ? Optional.of(c) : Optional.empty();
    }

    /** The colour drawn behind a node: the nearest region with an opaque fill, its topmost fill. */
    static Color background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region region && region.getBackground() != null) {
                List<BackgroundFill> fills = region.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    Color c = solid(fills.get(i).getFill());
                    if (c != null && c.getOpacity() > 0.9) {
                        return c;
                    }
                }
            }
        }
        return Color.WHITE;
    }

    /** A colour, or a gradient's average colour (Modena's buttons are gentle gradients). */
    private static Color solid(Paint paint) {
        if (paint instanceof Color c) {
            return c;
        }
        if (paint instanceof LinearGradient g && !g.getStops().isEmpty()) {
            double r = 0;
            double gr = 0;
            double b = 0;
            double o = 1;
            for (Stop s : g.getStops()) {
                r += s.getColor().getRed();
                gr += s.getColor().getGreen();
                b += s.getColor().getBlue();
                o = Math.min(o, s.getColor().getOpacity());
            }
            int n = g.getStops().size();
            return new Color(r / n, gr / n, b / n, o);
        }
        return null;
    }
}
