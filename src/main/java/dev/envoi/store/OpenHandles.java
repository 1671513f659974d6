package dev.envoi.store;

import dev.envoi.message.Draft;
import dev.envoi.message.EntryId;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft handles this store gave out, held weakly, so that a submit by id releases every handle
 * on that message (MAPI: after SubmitMessage only Release is allowed).
 */
final class OpenHandles {

    private final Map<EntryId, List<WeakReference<Draft>>> handles = new HashMap<>();

    synchronized void track(EntryId id, Draft draft) {
        handles.computeIfAbsent(id, k -> new ArrayList<>()).add(new WeakReference<>(draft));
        handles.values().forEach(list -> list.removeIf(ref -> ref.get() == null));
        handles.values().removeIf(List::isEmpty);
    }

    synchronized void releaseAll(EntryId id) {
        List<WeakReference<Draft>> list = handles.remove(id);
        if (list == null) {
            return;
        }
        for (WeakReference<Draft> ref : list) {
            Draft draft = ref.get();
            if (draft != null) {
                draft.released();
            }
        }
    }
}
