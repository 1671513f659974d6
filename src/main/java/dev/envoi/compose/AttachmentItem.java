package dev.envoi.compose;

import dev.envoi.message.Attachment;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An attachment as the window lists it: the stored attachment and, when it was attached in this
 * window, the file it came from, so a damaged vault copy can be taken again from the original.
 */
public record AttachmentItem(Attachment attachment, Optional<Path> source) {

    public String name() {
        return attachment.fileName();
    }

    public long size() {
        return attachment.size();
    }
}
