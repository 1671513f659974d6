package dev.envoi.transport;

import dev.envoi.message.Attachment;
import java.io.IOException;
import java.io.InputStream;

/** Opens an attachment's bytes as a stream; the store's vault behind it checks size and hash. */
@FunctionalInterface
public interface AttachmentSource {

    InputStream open(Attachment attachment) throws IOException;
}
