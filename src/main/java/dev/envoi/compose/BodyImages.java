package dev.envoi.compose;

import dev.envoi.message.Attachment;
import dev.envoi.store.MessageStore;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * Images pasted or dropped into the body (issue 20): read and, for a large one the sender agrees
 * to scale down, scaled off the FX thread; copied into the vault like an attachment and listed
 * with the attachments (the draft keeps the file through that list); then handed to the editor,
 * which shows it as an image paragraph referring to the vault's SHA-256.
 */
public final class BodyImages {

    /** An image read, before the vault: its name, bytes and size in pixels (null when unreadable). */
    private record Read(String name, byte[] bytes, ImageScaling.Size size) {
    }

    private final MessageStore store;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ComposeStatus status;
    private final Texts texts;
    private final ObservableList<AttachmentItem> attachments;

    BodyImages(MessageStore store, TaskExecutor tasks, DialogService dialogs, ComposeStatus status, Texts texts,
               ObservableList<AttachmentItem> attachments) {
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.status = status;
        this.texts = texts;
        this.attachments = attachments;
    }

    /** PNG, JPEG or GIF by name: what the body takes as an image, rather than as an attachment. */
    public static boolean isBodyImage(Path file) {
        return file.getFileName() != null && ImageScaling.isBodyImage(file.getFileName().toString());
    }

    /** An image file dropped on the body. */
    public void addFile(Path file, Consumer<Attachment> show) {
        read(() -> {
            byte[] bytes = Files.readAllBytes(file);
            return new Read(file.getFileName().toString(), bytes, ImageScaling.sizeOf(bytes));
        }, show);
    }

    /** An image from the clipboard, already encoded (PNG) by the caller. */
    public void addEncoded(String name, byte[] bytes, Consumer<Attachment> show) {
        read(() -> new Read(name, bytes, ImageScaling.sizeOf(bytes)), show);
    }

    /**
     * An image from the clipboard as ARGB pixels (read on the FX thread by the caller), encoded as
     * PNG off it.
     */
    public void addPixels(String name, int width, int height, int[] argb, Consumer<Attachment> show) {
        read(() -> {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, width, height, argb, 0, width);
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            return new Read(name, png.toByteArray(), new ImageScaling.Size(width, height));
        }, show);
    }

    /** Decodes the image with this SHA-256 from the vault off the FX thread (a preview); false if it is not (yet) attached. */
    public <T> boolean preview(String sha256, Decoder<T> decode, Consumer<T> loaded) {
        Optional<Attachment> found = attachments.stream().map(AttachmentItem::attachment)
                .filter(a -> a.sha256().equals(sha256)).findFirst();
        found.ifPresent(attachment -> BackgroundTask.of("image preview", () -> {
            try (java.io.InputStream in = store.openAttachment(attachment)) {
                return decode.decode(in);
            }
        }).onSuccess(loaded).executeWith(tasks));
        return found.isPresent();
    }

    /** Turns an image's bytes into what the window shows. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(java.io.InputStream in) throws Exception;
    }

    private void read(BackgroundTask.Work<Read> reading, Consumer<Attachment> show) {
        status.busy.set(true);
        BackgroundTask.of("reading an image", reading)
                .onSuccess(image -> store(image, askToScale(image), show))
                .onFailure(e -> {
                    status.busy.set(false);
                    status.error.set(BackgroundTask.messageOf(e));
                })
                .executeWith(tasks);
    }

    /** On the FX thread: the question, through the window's dialog service. */
    private boolean askToScale(Read image) {
        if (image.size() == null || !ImageScaling.isLarge(image.bytes().length, image.size())) {
            return false;
        }
        return dialogs.offerToScaleDown(image.name(), texts.size(image.bytes().length), image.size().width(),
                image.size().height());
    }

    private void store(Read image, boolean scale, Consumer<Attachment> show) {
        BackgroundTask.of("storing an image", () -> {
                    String name = image.name();
                    byte[] bytes = image.bytes();
                    if (scale) {
                        bytes = ImageScaling.scaled(bytes, ImageScaling.targetWidth(bytes.length, image.size()), name);
                        name = ImageScaling.scaledName(name);
                    }
                    return store.importAttachment(name, new ByteArrayInputStream(bytes));
                })
                .onSuccess(attachment -> {
                    if (attachments.stream().noneMatch(a -> a.attachment().equals(attachment))) {
                        attachments.add(new AttachmentItem(attachment, Optional.empty()));
                    }
                    show.accept(attachment);
                })
                .onFailure(e -> status.error.set(BackgroundTask.messageOf(e)))
                .onFinished(() -> status.busy.set(false))
                .executeWith(tasks);
    }
}
