package dev.envoi.store;

import dev.envoi.files.Durability;
import dev.envoi.files.OwnerOnly;
import dev.envoi.i18n.Sentences;
import dev.envoi.message.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.function.LongSupplier;

/**
 * Content-addressed attachment storage: each file is named by the SHA-256 of its bytes. A file is
 * streamed into a temporary file, synced, then renamed into place, so a crash never leaves a
 * half-written file under a real name. Nothing is ever read whole into memory.
 */
final class AttachmentVault {

    private static final int BUFFER = 64 * 1024;
    private static final Sentences WORDS = Sentences.of(AttachmentVault.class);
    /** Below this, handing chunks to another thread costs more than hashing them on the spot. */
    private static final long HASH_BEHIND_FROM = 1024 * 1024;

    private final Path root;
    private final Path incoming;
    private final LongSupplier sizeLimit;

    AttachmentVault(Path root, LongSupplier sizeLimit) {
        this.root = root;
        this.incoming = root.resolve(".incoming");
        this.sizeLimit = sizeLimit;
        try {
            OwnerOnly.createDirectories(root);
            OwnerOnly.createDirectories(incoming);
        } catch (IOException e) {
            throw new StoreException(WORDS.get("vault.create", root, e.getMessage()), e);
        }
    }

    Attachment importFile(Path file) {
        if (!Files.exists(file)) {
            throw new AttachmentRejectedException(WORDS.get("attach.missing", file));
        }
        if (Files.isDirectory(file)) {
            throw new AttachmentRejectedException(WORDS.get("attach.folder", file));
        }
        if (!Files.isRegularFile(file)) {
            // A device or a pipe may never end (/dev/zero) or block forever (a FIFO nobody writes).
            throw new AttachmentRejectedException(WORDS.get("attach.notRegular", file));
        }
        if (!Files.isReadable(file)) {
            throw new AttachmentRejectedException(WORDS.get("attach.unreadable", file));
        }
        refuseIfTooLarge(file);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return importStream(name, in);
        } catch (IOException e) {
            throw new AttachmentRejectedException(WORDS.get("attach.failed", file, describe(e)), e);
        }
    }

    /** Refuses at once a file whose size is already known to be over the limit, before copying it. */
    private void refuseIfTooLarge(Path file) {
        long limit = sizeLimit.getAsLong();
        try {
            if (Files.size(file) > limit) {
                throw new AttachmentRejectedException(WORDS.get("attach.tooLarge", file, Sentences.size(limit)));
            }
        } catch (IOException e) {
            throw new AttachmentRejectedException(WORDS.get("attach.failed", file, describe(e)), e);
        }
    }

    Attachment importStream(String fileName, InputStream in) {
        Attachment.NameProblem badName = Attachment.problemWithName(fileName);
        if (badName != null) {
            // Checked before copying: the name is what the user must change, not the bytes.
            throw new AttachmentRejectedException(WORDS.get("attach.badName", visible(fileName),
                    WORDS.get("attach.name." + badName.name())));
        }
        long limit = sizeLimit.getAsLong();
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "import-", ".part");
            MessageDigest digest = Sha256.newDigest();
            long size = copy(in, temp, digest, limit, fileName);
            String sha256 = Sha256.hex(digest);
            moveIntoPlace(temp, pathOf(sha256));
            return new Attachment(fileName, mediaTypeOf(fileName), size, sha256);
        } catch (IOException e) {
            throw new AttachmentRejectedException(WORDS.get("attach.failed.named", fileName, describe(e)), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * The bytes of a stored attachment for a transfer, verified against its size and hash as they
     * are read; a large one is hashed on another thread, behind the reader.
     */
    InputStream open(Attachment attachment) throws IOException {
        InputStream in = openFile(attachment);
        if (attachment.size() < HASH_BEHIND_FROM) {
            return new VerifyingInputStream(in, attachment.fileName(), attachment.size(), attachment.sha256());
        }
        return new HashBehindInputStream(in, attachment.fileName(), attachment.size(), attachment.sha256());
    }

    private InputStream openFile(Attachment attachment) throws IOException {
        Path path = pathOf(attachment.sha256());
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new CorruptAttachmentException(WORDS.get("attachment.missing", attachment.fileName(), path));
        }
    }

    /** Reads the whole file to check it; used at submit, outside any transaction. */
    void verify(Attachment attachment) throws CorruptAttachmentException {
        Path path = pathOf(attachment.sha256());
        try {
            if (Files.size(path) != attachment.size()) {
                throw new CorruptAttachmentException(WORDS.get("attachment.sizeChanged", attachment.fileName()));
            }
            // Nothing else to do meanwhile: hashed inline, not on another thread.
            try (InputStream in = new VerifyingInputStream(openFile(attachment), attachment.fileName(),
                    attachment.size(), attachment.sha256())) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (CorruptAttachmentException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptAttachmentException(WORDS.get("attachment.unreadable", attachment.fileName(), path,
                    describe(e)));
        }
    }

    /** Quick check at transfer time: present with the right size; the stream checks the hash. */
    void checkPresent(Attachment attachment) throws CorruptAttachmentException {
        Path path = pathOf(attachment.sha256());
        try {
            if (Files.size(path) != attachment.size()) {
                throw new CorruptAttachmentException(WORDS.get("attachment.sizeChanged", attachment.fileName()));
            }
        } catch (IOException e) {
            throw new CorruptAttachmentException(WORDS.get("attachment.missing", attachment.fileName(), path));
        }
    }

    /**
     * Deletes vault files that no message refers to any more, and abandoned imports. Only files
     * older than {@code olderThan} go: a window may have just imported a file it has not saved yet.
     */
    int collectGarbage(java.util.Set<String> referenced, java.time.Instant olderThan) {
        int deleted = 0;
        try (java.util.stream.Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                boolean orphan = file.getParent().equals(incoming) || !referenced.contains(name);
                if (orphan && Files.getLastModifiedTime(file).toInstant().isBefore(olderThan)) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            // Garbage left for the next time is harmless.
        }
        return deleted;
    }

    /**
     * Deletes the file of a hash no message uses any more, unless it was imported after
     * {@code importedBefore}; the caller checked, under the write lock, that nothing refers to it.
     */
    void deleteIfOlder(String sha256, java.time.Instant importedBefore) {
        Path file = pathOf(sha256);
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(importedBefore)) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // Gone already: nothing to free.
        } catch (IOException e) {
            // Left for the garbage collection at the next start.
        }
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static long copy(InputStream in, Path temp, MessageDigest digest, long limit, String name) throws IOException {
        long size = 0;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
                if (size > limit) {
                    throw new AttachmentRejectedException(WORDS.get("attach.tooLarge.named", name,
                            Sentences.size(limit)));
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            channel.force(true);
        }
        return size;
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        // The first file of a two-letter folder makes that folder: OwnerOnly syncs it into the
        // vault, or a power cut loses the folder and with it the file the rename below made durable.
        OwnerOnly.createDirectories(target.getParent());
        try {
            // Replacing, not skipping, when the name exists: the stored copy may be the damaged one
            // that made a submit fail, and these fresh bytes were just hashed to that very name.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException | AccessDeniedException e) {
            return; // Windows will not replace a file being read: the copy in place stays.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Durability.syncDirectory(target.getParent());
    }

    /** The name with each control character shown as '?', so the message stays one readable line. */
    private static String visible(String fileName) {
        StringBuilder out = new StringBuilder();
        fileName.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
        return out.toString();
    }

    private static String mediaTypeOf(String fileName) {
        String guess = URLConnection.guessContentTypeFromName(fileName);
        return guess == null ? "application/octet-stream" : guess;
    }

    private static String describe(IOException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (text.contains("No space left")) {
            return WORDS.get("attach.diskFull");
        }
        return text;
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // A leftover temporary file is harmless; it is not under a real name.
        }
    }
}
