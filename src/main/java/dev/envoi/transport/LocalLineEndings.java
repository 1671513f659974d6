package dev.envoi.transport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a message in the local (Unix) convention for a program such as sendmail, which expects
 * LF line ends and would otherwise receive CRLF headers beside whatever the body held: CRLF, a
 * lone CR and a lone LF each become one LF, so the program reads one convention throughout.
 */
final class LocalLineEndings extends FilterOutputStream {

    private boolean afterCr;

    LocalLineEndings(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\r') {
            out.write('\n');
            afterCr = true;
            return;
        }
        if (b != '\n' || !afterCr) {
            out.write(b);
        }
        afterCr = false;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        byte[] converted = new byte[length];
        int n = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                converted[n++] = '\n';
                afterCr = true;
            } else {
                if (b != '\n' || !afterCr) {
                    converted[n++] = b;
                }
                afterCr = false;
            }
        }
        out.write(converted, 0, n);
    }
}
