package dev.envoi.transport;

import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An attachment's content in a message part: base64 lines from the vault, which the SMTP data
 * stream takes without scanning them ({@link SmtpDataStream#writeBase64Lines}); any other stream
 * (a pickup file, a size count) gets the same lines copied as usual.
 */
final class VaultDataHandler extends DataHandler {

    private final VaultDataSource source;

    VaultDataHandler(VaultDataSource source) {
        super(source);
        this.source = source;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (out instanceof SmtpDataStream data) {
            try (Base64LinesInputStream lines = source.lines()) {
                data.writeBase64Lines(lines);
            }
        } else {
            super.writeTo(out);
        }
    }
}
