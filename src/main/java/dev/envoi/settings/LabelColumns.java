package dev.envoi.settings;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * One width for the label columns of grids stacked in one form, the widest of their labels, so
 * every field starts on one line. Each grid alone sizes its column to its own longest label:
 * in French the sign-in pane's "Fournisseur de connexion :" and the form's "Garder le mot de
 * passe :" differ, and the two rows of fields stood 15 pixels apart.
 */
final class LabelColumns {

    private LabelColumns() {
    }

    /** {@code least}: the narrowest the column may be, however short the labels. */
    static void share(double least, GridPane... grids) {
        List<Region> labels = new ArrayList<>();
        for (GridPane grid : grids) {
            for (Node child : grid.getChildren()) {
                Integer column = GridPane.getColumnIndex(child);
                Integer span = GridPane.getColumnSpan(child);
                if ((column == null || column == 0) && (span == null || span == 1) && child instanceof Region region) {
                    labels.add(region);
                }
            }
        }
        // A label is as wide as it needs (its maximum is its preferred width), whatever its column's
        // width: its laid-out width is the measure, known once the style sheet gave it its font.
        DoubleBinding widest = Bindings.createDoubleBinding(
                () -> labels.stream().mapToDouble(Region::getWidth).reduce(least, Math::max),
                labels.stream().map(Region::widthProperty).toArray(Observable[]::new));
        for (GridPane grid : grids) {
            grid.getColumnConstraints().get(0).minWidthProperty().bind(widest);
        }
    }
}
