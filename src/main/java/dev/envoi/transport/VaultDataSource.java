package dev.envoi.transport;

import dev.envoi.message.Attachment;
import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An attachment for Jakarta Activation, opened from the vault each time it is read, and read as
 * base64 lines already: the part that carries it is a {@code PreencodedMimeBodyPart}.
 */
final class VaultDataSource implements DataSource {

    private final Attachment attachment;
    private final AttachmentSource source;

    VaultDataSource(Attachment attachment, AttachmentSource source) {
        this.attachment = attachment;
        this.source = source;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return lines();
    }

    Base64LinesInputStream lines() throws IOException {
        return new Base64LinesInputStream(source.open(attachment));
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("attachments in the vault are read-only");
    }

    @Override
    public String getContentType() {
        return attachment.mediaType();
    }

    @Override
    public String getName() {
        return attachment.fileName();
    }
}
