package dev.envoi.compose;

import dev.envoi.i18n.VisibleText;
import dev.envoi.message.Attachment;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An attachment as the window lists it: the stored attachment and, when it was attached in this
 * window, the file it came from, so a damaged vault copy can be taken again from the original.
 */
public record AttachmentItem(Attachment attachment, Optional<Path> source) {

    /** The name as shown: one an older Envoi saved may hold a bidi control, shown and not obeyed. */
    public String name() {
        return VisibleText.of(attachment.fileName());
    }

    public long size() {
        return attachment.size();
    }
}
