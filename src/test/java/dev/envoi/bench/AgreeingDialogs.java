package dev.envoi.bench;

import dev.envoi.compose.DialogService;

/** A user who says yes to every question before sending, and discards on close. */
final class AgreeingDialogs implements DialogService {

    @Override
    public boolean confirmSendWithoutSubject() {
        return true;
    }

    @Override
    public boolean confirmSendWithoutAttachment() {
        return true;
    }

    @Override
    public boolean confirmOverSizeLimit(String total, String limit) {
        return true;
    }

    @Override
    public CloseChoice askAboutUnsavedChanges() {
        return CloseChoice.DISCARD;
    }

    @Override
    public boolean offerToScaleDown(String name, String size, int width, int height) {
        return true;
    }
}
