package dev.envoi.outbox;

import java.util.Collections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * A stretch of at most {@link #SPAN} rows of a longer list, for a table to hold instead of the list
 * (issue 21: Sent holds a year of mail). JavaFX 21's table (its VirtualFlow) walks a size it keeps
 * for every row of its items several times at each scroll step, fixed row height or not, so a
 * table of 100,000 rows spent most of each pulse summing row heights; holding a stretch bounds
 * that work whatever the folder holds. {@link WindowedScrolling} moves the stretch as the table
 * scrolls and maps its own scroll bar to the whole list. The rows themselves stay in the list
 * (read a page at a time): this holds no row, only where its stretch starts.
 */
final class RowWindow<T> extends ObservableListBase<T> {

    /** Twenty pages: far more than a window shows, and a few hundred bytes of sizes for the table to walk. */
    static final int SPAN = 2_000;

    private final ObservableList<T> all;
    private final int span;
    private int start;
    private int length;
    /** True while listeners are told of a change: what a table does to its selection then is not the user's. */
    private boolean telling;

    RowWindow(ObservableList<T> all) {
        this(all, SPAN);
    }

    RowWindow(ObservableList<T> all, int span) {
        this.all = all;
        this.span = span;
        this.length = Math.min(span, all.size());
        all.addListener(this::allChanged);
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return all.get(start + index);
    }

    @Override
    public int size() {
        return length;
    }

    /** Where in the whole list this stretch's first row is. */
    int start() {
        return start;
    }

    /** The whole list's length. */
    int total() {
        return all.size();
    }

    int span() {
        return span;
    }

    /** Moves the stretch to start at {@code first} (kept within the list); its rows are all replaced. */
    void moveTo(int first) {
        int moved = Math.max(0, Math.min(first, all.size() - length));
        if (moved == start) {
            return;
        }
        start = moved;
        telling = true;
        try {
            beginChange();
            // The old rows are not read again to be told as removed: they may be pages no longer kept.
            nextReplace(0, length, Collections.nCopies(length, null));
            endChange();
        } finally {
            telling = false;
        }
    }

    boolean telling() {
        return telling;
    }

    private void allChanged(ListChangeListener.Change<? extends T> change) {
        int was = length;
        length = Math.min(span, all.size());
        start = Math.max(0, Math.min(start, all.size() - length));
        telling = true;
        try {
            tell(change, was);
        } finally {
            telling = false;
        }
    }

    private void tell(ListChangeListener.Change<? extends T> change, int was) {
        beginChange();
        while (change.next()) {
            if (change.wasPermutated() || change.getAddedSize() != change.getRemovedSize() || was != length) {
                // The list's length changed: the whole stretch anew.
                nextReplace(0, length, Collections.nCopies(was, null));
                break;
            }
            // Rows replaced in place (a page's rows for its placeholders, or a fresh read of as
            // many): those in the stretch are told.
            int from = Math.max(change.getFrom(), start);
            int to = Math.min(change.getTo(), start + length);
            for (int i = from; i < to; i++) {
                nextSet(i - start, null);
            }
        }
        endChange();
    }
}
