package dev.envoi.reliability;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the power cuts of a campaign threw away, added up from each cut's figures line. */
final class PowerCutFigures {

    final AtomicInteger cuts = new AtomicInteger();
    final AtomicInteger tornCuts = new AtomicInteger();
    final AtomicInteger pickupCuts = new AtomicInteger();
    final AtomicLong dirtyPages = new AtomicLong();
    final AtomicLong pagesKept = new AtomicLong();
    final AtomicLong namesLost = new AtomicLong();
    final AtomicLong syncs = new AtomicLong();
    final AtomicInteger integrityFailures = new AtomicInteger();

    /** {@code line}: "cut dirty_files=1 dirty_pages=8 names_back=0 names_lost=0 pages_kept=5 syncs=208". */
    void add(String line, boolean torn, boolean pickup) {
        cuts.incrementAndGet();
        if (torn) {
            tornCuts.incrementAndGet();
        }
        if (pickup) {
            pickupCuts.incrementAndGet();
        }
        for (String field : line.split(" ")) {
            String[] pair = field.split("=");
            if (pair.length != 2) {
                continue;
            }
            long value = Long.parseLong(pair[1]);
            switch (pair[0]) {
                case "dirty_pages" -> dirtyPages.addAndGet(value);
                case "pages_kept" -> pagesKept.addAndGet(value);
                case "names_lost" -> namesLost.addAndGet(value);
                case "syncs" -> syncs.addAndGet(value);
                default -> { }
            }
        }
    }

    @Override
    public String toString() {
        return String.format("%d power cuts (%d torn, %d on pickup profiles): %d syncs seen, %d unsynced pages "
                        + "(%d of them kept by torn cuts), %d unsynced names lost; %d databases failing integrity_check",
                cuts.get(), tornCuts.get(), pickupCuts.get(), syncs.get(), dirtyPages.get(), pagesKept.get(),
                namesLost.get(), integrityFailures.get());
    }
}
