package dev.envoi.compose;

import java.util.ArrayList;
import java.util.List;

/** Answers the compose window's questions as a test scripted them, and remembers what was asked. */
final class ScriptedDialogs implements DialogService {

    final List<String> asked = new ArrayList<>();
    boolean sendWithoutSubject = true;
    boolean sendWithoutAttachment = true;
    boolean sendOverLimit = true;
    CloseChoice onClose = CloseChoice.CANCEL;
    boolean scaleDown = true;

    @Override
    public boolean confirmSendWithoutSubject() {
        asked.add("no subject");
        return sendWithoutSubject;
    }

    @Override
    public boolean confirmSendWithoutAttachment() {
        asked.add("no attachment");
        return sendWithoutAttachment;
    }

    @Override
    public boolean confirmOverSizeLimit(String total, String limit) {
        asked.add("over limit " + total + " > " + limit);
        return sendOverLimit;
    }

    @Override
    public CloseChoice askAboutUnsavedChanges() {
        asked.add("unsaved changes");
        return onClose;
    }

    @Override
    public boolean offerToScaleDown(String name, String size, int width, int height) {
        asked.add("scale " + name + " " + width + "x" + height);
        return scaleDown;
    }
}
