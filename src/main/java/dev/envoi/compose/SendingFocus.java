package dev.envoi.compose;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Where the keyboard focus rests while the window shows a message on its way: on the window
 * itself, never in a text field it no longer lets the user edit.
 *
 * <p>Send leaves the focus where it was, or JavaFX moves it: the recipient fields give way to
 * their words, and the focus falls to the first field that still takes it, the subject, read-only
 * by then. A focused read-only text field had Prism repaint the whole window about twice a second
 * (the pulse logger: 6 whole-window paints in 3 idle seconds against 1), and through the
 * transfer of a large file, with both cores busy, those frames were the ones that missed their
 * pulse (benchmark 5, docs/benchmarks.md). On the window, the focus costs no frame; Escape still
 * cancels and Tab still goes round the window. When the message comes back for editing, the focus
 * returns to the field it was taken from.
 */
final class SendingFocus {

    private final Parent root;
    /** What had the focus at Send, while the message is on its way. */
    private Node takenFrom;

    private SendingFocus(Parent root) {
        this.root = root;
    }

    /** From the moment {@code locked} holds until it no longer does, the focus rests on root. */
    static void install(Parent root, ObservableBooleanValue locked) {
        SendingFocus focus = new SendingFocus(root);
        locked.addListener((o, was, now) -> {
            if (now) {
                focus.lock();
            } else {
                focus.unlock();
            }
        });
    }

    private void lock() {
        Scene scene = root.getScene();
        takenFrom = scene == null ? null : scene.getFocusOwner();
        // Taken now, not left to JavaFX: once the Send button or a recipient's editor can no longer
        // hold it, JavaFX gives it to the first field that can, the read-only subject.
        root.requestFocus();
    }

    private void unlock() {
        Node back = takenFrom;
        takenFrom = null;
        if (back != null && back.getScene() == root.getScene() && back.isVisible() && !back.isDisabled()
                && root.getScene().getFocusOwner() == root) {
            back.requestFocus();
        }
    }
}
