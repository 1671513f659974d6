package dev.envoi.compose;

/** The value a progress bar shows for a send state: a fraction, or indeterminate. */
final class ProgressIndicatorValues {

    /** What JavaFX progress controls take for "working, amount unknown". */
    static final double INDETERMINATE = -1;

    private ProgressIndicatorValues() {
    }

    /**
     * A transfer of known size shows its fraction from the start, 0 before the first byte: an
     * indeterminate bar animates at every frame (a repaint a pulse, 4–5 ms of software painting
     * under load, benchmark 5) while the connection opens, and says nothing the words don't.
     */
    static double of(SendState state) {
        if (state instanceof SendState.Transferring t && t.total() > 0) {
            return Math.min(1.0, (double) t.written() / t.total());
        }
        return INDETERMINATE;
    }
}
