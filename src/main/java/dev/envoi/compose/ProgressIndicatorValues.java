package dev.envoi.compose;

/** The value a progress bar shows for a send state: a fraction, or indeterminate. */
final class ProgressIndicatorValues {

    /** What JavaFX progress controls take for "working, amount unknown". */
    static final double INDETERMINATE = -1;

    private ProgressIndicatorValues() {
    }

    static double of(SendState state) {
        if (state instanceof SendState.Transferring t && t.total() > 0 && t.written() > 0) {
            return Math.min(1.0, (double) t.written() / t.total());
        }
        return INDETERMINATE;
    }
}
