package dev.envoi.compose;

/** The questions the compose window asks; the app shows real dialogs, tests answer directly. */
public interface DialogService {

    /** What to do with unsaved changes when the window closes. */
    enum CloseChoice { SAVE, DISCARD, CANCEL }

    boolean confirmSendWithoutSubject();

    boolean confirmSendWithoutAttachment();

    boolean confirmOverSizeLimit(String total, String limit);

    CloseChoice askAboutUnsavedChanges();

    /** An image put in the body is large ({@code size} bytes, or wide): scale it down before it is kept? */
    boolean offerToScaleDown(String name, String size, int width, int height);
}
