package dev.envoi.outbox;

import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A table that holds a {@link RowWindow} of a long list and scrolls the whole list (issue 21):
 * its own vertical scroll bar is hidden (outbox.css) and {@code bar} stands for the whole list,
 * its value the row at the top. The wheel, the keys and the bar move the table as usual; once the
 * rows shown come within {@link #MARGIN} of the stretch's ends, the stretch moves to centre them
 * and the table is put back on the same row, with the same row selected if it is in the stretch.
 * The selected row stays the view-model's while the stretch moves and while it is out of the
 * stretch. Home and End go to the whole list's ends.
 */
final class WindowedScrolling<T> {

    /** A quarter of the stretch: no key press, wheel turn or page moves further between two checks. */
    static final int MARGIN = RowWindow.SPAN / 4;

    private final TableView<T> table;
    private final ScrollBar bar;
    private final RowWindow<T> window;
    private final ObjectProperty<T> selection;
    private VirtualFlow<?> flow;
    /** True while this class moves the stretch or the bar: the changes it makes are not the user's. */
    private boolean moving;
    private boolean settling;
    /** The selected row's place in the whole list, or -1. */
    private int selectedAt = -1;
    /** Asks for a row of the whole list to be read ahead, if its rows are read a page at a time. */
    private final IntConsumer ahead;

    private WindowedScrolling(TableView<T> table, ScrollBar bar, ObservableList<T> rows, ObjectProperty<T> selection) {
        this.table = table;
        this.bar = bar;
        this.window = new RowWindow<>(rows);
        this.selection = selection;
        this.ahead = rows instanceof PagedRows<T> paged ? paged::readAhead : index -> { };
    }

    /** Gives {@code table} a stretch of {@code rows}, {@code bar} the whole, and ties the selection to {@code selection}. */
    static <T> RowWindow<T> install(TableView<T> table, ScrollBar bar, ObservableList<T> rows, ObjectProperty<T> selection) {
        WindowedScrolling<T> scrolling = new WindowedScrolling<>(table, bar, rows, selection);
        scrolling.bind();
        return scrolling.window;
    }

    private void bind() {
        bar.setOrientation(Orientation.VERTICAL);
        bar.setMin(0);
        bar.setUnitIncrement(1);
        bar.managedProperty().bind(bar.visibleProperty());
        table.setItems(window);
        // By index: rows not read yet are one placeholder, so moving between two is no change of item.
        table.getSelectionModel().selectedIndexProperty().addListener((o, was, at) -> {
            if (!moving && !window.telling()) {
                selectedAt = at.intValue() < 0 ? -1 : window.start() + at.intValue();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (!moving && !window.telling()) {
                selection.set(row);
            }
        });
        selection.addListener((o, was, row) -> {
            if (row == null && !moving && !window.telling()) {
                // The model lost the row (a fresh read did not find it): so does the table.
                selectedAt = -1;
                moving = true;
                try {
                    table.getSelectionModel().clearSelection();
                } finally {
                    moving = false;
                }
            } else if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                // Where it was selected, else looked for in the stretch (rows not read yet are asked for).
                int kept = selectedAt - window.start();
                int at = kept >= 0 && kept < window.size() && window.get(kept) == row ? kept : window.indexOf(row);
                if (at >= 0) {
                    selectedAt = window.start() + at;
                    table.getSelectionModel().clearAndSelect(at);
                }
            }
        });
        // Added after the table's own: a TableView answers a replacement in its items by selecting
        // the first row equal to the one selected, which for a row not read yet is the first
        // placeholder; the row selected is put back, and given to the model once read.
        window.addListener((ListChangeListener<T>) c -> {
            reselect();
            later();
        });
        bar.valueProperty().addListener((o, was, now) -> {
            if (!moving) {
                show((int) Math.round(now.doubleValue()));
            }
        });
        // The wheel over the bar scrolls the table, as over the table's own bar.
        bar.setOnScroll(e -> {
            if (flow != null) {
                flow.scrollPixels(-e.getDeltaY());
            }
        });
        // The table's own Home and End would go to its stretch's ends.
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.END) {
                e.consume();
                selectEnd(e.getCode() == KeyCode.END);
            }
        });
        table.skinProperty().addListener((o, was, skin) -> findFlow());
        findFlow();
    }

    private void findFlow() {
        if (flow == null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
            flow = found;
            flow.positionProperty().addListener((o, was, now) -> later());
        }
        later();
    }

    /** Settles after the table's next layout, when its cells say which rows it shows. */
    private void later() {
        if (settling || table.getScene() == null) {
            return;
        }
        settling = true;
        Scene scene = table.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                settle();
            }
        });
        Platform.requestNextPulse();
    }

    /** Keeps the stretch around the rows shown, and the bar on the top row of the whole list. */
    private void settle() {
        settling = false;
        if (flow == null) {
            return;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null || first.getIndex() < 0) {
            return;
        }
        int top = window.start() + first.getIndex();
        int shown = Math.max(1, last.getIndex() - first.getIndex());
        // The page after the rows shown is read before the table is scrolled onto it.
        ahead.accept(window.start() + last.getIndex() + PagedRows.PAGE);
        boolean nearStart = first.getIndex() < MARGIN && window.start() > 0;
        boolean nearEnd = last.getIndex() >= window.size() - MARGIN && window.start() + window.size() < window.total();
        if (nearStart || nearEnd) {
            moveWindow(top - window.span() / 2);
            toTop(top - window.start());
        }
        moving = true;
        try {
            bar.setMax(Math.max(0, window.total() - shown));
            bar.setVisibleAmount(shown);
            bar.setBlockIncrement(shown);
            bar.setVisible(window.total() > shown);
            bar.setValue(Math.min(top, bar.getMax()));
        } finally {
            moving = false;
        }
    }

    /** The bar was moved: the table shows the row at {@code top} of the whole list, the stretch moved first if needed. */
    private void show(int top) {
        if (flow == null) {
            return;
        }
        if (top < window.start() + MARGIN || top + MARGIN >= window.start() + window.size()) {
            moveWindow(top - window.span() / 2);
        }
        toTop(top - window.start());
    }

    /**
     * Puts row {@code index} of the stretch at the table's top. The flow turns the row's offset into
     * a position and the position back into an offset (VirtualFlow.adjustPosition, then
     * adjustAbsoluteOffset), and the rounding can leave it a hair above the row (at rows 300, 600,
     * 1,200… of 2,000 rows of 26 px): the flow then lays out the row before it as well, hidden above
     * the viewport, one row more to fill at each such step (the first made a row of cells, cold, in
     * the first scroll: issue 21), and reports that hidden row as the first shown. Two steps of the
     * smallest up cover both roundings; they move the rows by about a billionth of a pixel.
     */
    private void toTop(int index) {
        flow.scrollToTop(index);
        double at = flow.getPosition();
        if (at > 0 && at < 1) {
            flow.setPosition(Math.min(1, Math.nextUp(Math.nextUp(at))));
        }
    }

    private void selectEnd(boolean last) {
        if (window.total() == 0) {
            return;
        }
        moveWindow(last ? window.total() : 0);
        int at = last ? window.size() - 1 : 0;
        table.getSelectionModel().clearAndSelect(at);
        table.scrollTo(at);
    }

    /** Moves the stretch to start near {@code first}; the selected row stays selected if it is in it ({@link #reselect}). */
    private void moveWindow(int first) {
        moving = true;
        try {
            window.moveTo(first);
        } finally {
            moving = false;
        }
    }

    /** After a change of the stretch: the row selected in the whole list is the one selected in the table, if there. */
    private void reselect() {
        int at = selectedAt - window.start();
        boolean moved = moving;
        moving = true;
        try {
            if (selectedAt >= 0 && at >= 0 && at < window.size()) {
                if (table.getSelectionModel().getSelectedIndex() != at) {
                    table.getSelectionModel().clearAndSelect(at);
                }
                T row = window.get(at);
                if (row != selection.get()) {
                    selection.set(row);
                }
            } else if (table.getSelectionModel().getSelectedIndex() >= 0) {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            moving = moved;
        }
    }
}
