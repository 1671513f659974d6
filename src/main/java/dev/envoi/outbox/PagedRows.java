package dev.envoi.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableListBase;

/**
 * A list as long as a folder whose rows are read a page at a time, as a table shows them (issue
 * 21: Sent holds a year of mail). A row not read yet is a placeholder and asks for its page on the
 * background executor; the page replaces the placeholders when it arrives. Only the pages used
 * last are kept, so scrolling from top to bottom holds a few pages, never the folder. Everything
 * but {@link #read} runs on the UI thread.
 */
final class PagedRows<T> extends ObservableListBase<T> {

    static final int PAGE = 100;
    /** Enough for a tall window and some scrolling back; a page of Sent rows is tens of kilobytes. */
    private static final int KEPT_PAGES = 24;

    /** Where the rows come from; called on the background executor. */
    interface Source<T> {
        int count();

        List<T> page(int offset, int limit);

        static <T> Source<T> of(java.util.function.IntSupplier count, java.util.function.BiFunction<Integer, Integer, List<T>> page) {
            return new Source<>() {
                @Override
                public int count() {
                    return count.getAsInt();
                }

                @Override
                public List<T> page(int offset, int limit) {
                    return page.apply(offset, limit);
                }
            };
        }
    }

    /** What {@link #read} found, to be shown on the UI thread by {@link #show}. */
    record Snapshot<T>(int size, Map<Integer, List<T>> pages) {
    }

    private final Executor background;
    private final Executor ui;
    private final T placeholder;
    private volatile Source<T> source;
    private final Map<Integer, List<T>> pages = new LinkedHashMap<>(KEPT_PAGES, 0.75f, true);
    private final Set<Integer> asked = new HashSet<>();
    /**
     * The pages whose placeholders {@link #get} handed out: only their arrival is told to listeners.
     * A TableView redoes every cell of its rows at any replacement in its items (each cell emptied
     * and filled again, its CSS state changed twice), which scrolling a year of Sent paid once more
     * per pulse; a page read ahead and never seen as placeholders changes nothing anyone was shown.
     */
    private final Set<Integer> shownUnread = new HashSet<>();
    private int size;
    private int generation;
    private final ReadOnlyBooleanWrapper counted = new ReadOnlyBooleanWrapper();
    /** The pages held, for a read on another thread to fetch afresh. */
    private volatile List<Integer> inUse = List.of(0);

    PagedRows(Source<T> source, T placeholder, Executor background, Executor ui) {
        this.source = source;
        this.placeholder = placeholder;
        this.background = background;
        this.ui = ui;
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int at = index / PAGE;
        List<T> page = pages.get(at);
        // Once the list is scrolled, the page after the one in use is read ahead, so scrolling on
        // finds its rows read and the table has nothing to redo when they come (below). The first
        // page alone is read to open the window.
        if (at > 0 && at + 1 < pageCount() && !pages.containsKey(at + 1)) {
            ask(at + 1);
        }
        if (page != null && index % PAGE < page.size()) {
            return page.get(index % PAGE);
        }
        ask(at);
        shownUnread.add(at);
        return placeholder;
    }

    /**
     * Reads the page holding {@code index} ahead if it is not kept, without handing out its
     * placeholders: its arrival is told to no one. A table shown at the top of its list asks only
     * the first page ({@link #get} reads ahead once scrolled), so the first step down met rows not
     * read yet: the table showed them blank, then filled every cell again when the page came, both
     * on code the window's opening had not run (issue 21: Sent's first scroll had its one late
     * pulse there).
     */
    void readAhead(int index) {
        int at = Math.min(index, size - 1) / PAGE;
        if (index >= 0 && size > 0 && !pages.containsKey(at)) {
            ask(at);
        }
    }

    private int pageCount() {
        return (size + PAGE - 1) / PAGE;
    }

    @Override
    public int size() {
        return size;
    }

    /** False until the folder has been counted once: an empty list before that says nothing yet. */
    ReadOnlyBooleanProperty countedProperty() {
        return counted.getReadOnlyProperty();
    }

    /** True if the row is a placeholder for one not read yet. */
    boolean isPlaceholder(T row) {
        return row == placeholder;
    }

    /** A row already read that matches, without reading any page. */
    Optional<T> findLoaded(Predicate<T> test) {
        return pages.values().stream().flatMap(List::stream).filter(test).findFirst();
    }

    /** Reads the count, the first page and those in view lately afresh, on the caller's (background) thread. */
    Snapshot<T> read(Source<T> from) {
        source = from;
        int count = from.count();
        Map<Integer, List<T>> fresh = new LinkedHashMap<>();
        for (int page : inUse) {
            if (page * PAGE < count) {
                fresh.put(page, from.page(page * PAGE, PAGE));
            }
        }
        return new Snapshot<>(count, fresh);
    }

    /** Replaces the whole list with a fresh read; pages asked for before it are dropped when they come. */
    void show(Snapshot<T> snapshot) {
        int old = size;
        generation++;
        asked.clear();
        shownUnread.clear();
        pages.clear();
        pages.putAll(snapshot.pages());
        size = snapshot.size();
        counted.set(true);
        noteInUse();
        beginChange();
        nextReplace(0, size, Collections.nCopies(old, placeholder));
        endChange();
    }

    private void noteInUse() {
        List<Integer> used = new ArrayList<>(pages.keySet());
        if (!used.contains(0)) {
            used.add(0, 0);
        }
        inUse = List.copyOf(used);
    }

    private void ask(int page) {
        if (!asked.add(page)) {
            return;
        }
        int asking = generation;
        Source<T> from = source;
        background.execute(() -> {
            try {
                List<T> rows = from.page(page * PAGE, PAGE);
                ui.execute(() -> arrived(asking, page, rows));
            } catch (RuntimeException e) {
                // The store could not be read: the placeholders stay until the next refresh reads again.
            }
        });
    }

    private void arrived(int asking, int page, List<T> rows) {
        if (asking != generation) {
            return;
        }
        asked.remove(page);
        pages.put(page, rows);
        while (pages.size() > KEPT_PAGES) {
            Integer eldest = pages.keySet().iterator().next();
            pages.remove(eldest);
        }
        noteInUse();
        if (!shownUnread.remove(page)) {
            return;
        }
        int from = page * PAGE;
        int to = Math.min(size, from + rows.size());
        if (from >= to) {
            return;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            nextSet(i, placeholder);
        }
        endChange();
    }
}
