package dev.envoi.store;

import java.time.Duration;

/** The profile's settings that the store and spooler follow. */
public interface StoreSettings {

    Duration MAX_UNDO_WINDOW = Duration.ofSeconds(60);
    Duration DEFAULT_UNDO_WINDOW = Duration.ofSeconds(5);

    /** The "undo send" window, 0 to 60 seconds; 5 seconds unless the user changed it. */
    Duration undoWindow();

    void setUndoWindow(Duration window);

    /** True when a handed-off message is deleted instead of kept in Sent. */
    boolean deleteAfterSend();

    void setDeleteAfterSend(boolean delete);

    /** How long the spooler keeps retrying a transient failure before it gives up (5 days). */
    Duration retryLimit();

    void setRetryLimit(Duration limit);

    /** The largest attachment the vault takes, in bytes. */
    long attachmentSizeLimit();

    void setAttachmentSizeLimit(long bytes);

    /** How much of Sent is kept; everything unless the user chose otherwise. */
    default SentRetention sentRetention() {
        return SentRetention.KEEP_ALL;
    }

    default void setSentRetention(SentRetention retention) {
        // A store that keeps no settings of its own (a test double) keeps every sent message.
        throw new UnsupportedOperationException();
    }
}
