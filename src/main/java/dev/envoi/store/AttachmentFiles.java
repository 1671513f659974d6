package dev.envoi.store;

import dev.envoi.message.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** The attachments of every message: into the vault, out of it, and collected once no message uses them. */
final class AttachmentFiles {

    /** A file younger than this may belong to a draft being saved right now: it is never collected. */
    private static final Duration GRACE = Duration.ofDays(1);

    private final Database database;
    private final AttachmentVault vault;
    private final Clock clock;

    AttachmentFiles(Database database, AttachmentVault vault, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.clock = clock;
    }

    AttachmentVault vault() {
        return vault;
    }

    Attachment importFile(Path file) {
        return vault.importFile(file);
    }

    Attachment importStream(String fileName, InputStream content) {
        return vault.importStream(fileName, content);
    }

    /** The bytes of an attachment for a transport: a missing or damaged file is an IOException. */
    InputStream read(Attachment attachment) throws IOException {
        return vault.open(attachment);
    }

    InputStream open(Attachment attachment) {
        try {
            return vault.open(attachment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void checkPresent(Attachment attachment) throws CorruptAttachmentException {
        vault.checkPresent(attachment);
    }

    /** Removes vault files no message uses, once they are a day old; returns how many. */
    int collectGarbage() {
        Set<String> referenced = database.read("list attachments", c -> {
            Set<String> hashes = new HashSet<>();
            try (var s = c.prepareStatement("SELECT DISTINCT sha256 FROM attachment"); var rs = s.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
            return hashes;
        });
        return vault.collectGarbage(referenced, clock.instant().minus(GRACE));
    }
}
