package dev.envoi.compose;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar and error banner of one compose window, and whether it waits on the store. The
 * message, the send flow and the window all report here; the window shows it. FX thread only.
 */
final class ComposeStatus {

    /** What is going on ("Draft saved", the send countdown); empty when nothing is. */
    final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** What went wrong and what to do; empty when nothing did. */
    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** True while store work the window must wait for (opening a draft, attaching) is under way. */
    final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
}
