package dev.envoi.compose;

import dev.envoi.message.Attachment;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.TransferMode;

/**
 * The body's side of inline images (issue 20): image files dropped on the body and images pasted
 * into it go to {@link BodyImages}, then into the editor as image paragraphs; each such paragraph
 * shows a scaled preview, decoded from the vault off the FX thread and kept per SHA-256.
 */
final class BodyImageView {

    /** Previews are small: the message's own size is for the reader's window. */
    static final double PREVIEW_WIDTH = 320;
    static final double PREVIEW_HEIGHT = 240;

    private final BodyEditor editor;
    private final BodyImages images;
    private final Consumer<List<Path>> attach;
    private final Map<String, Image> previews = new HashMap<>();

    BodyImageView(BodyEditor editor, BodyImages images, Consumer<List<Path>> attach) {
        this.editor = editor;
        this.images = images;
        this.attach = attach;
    }

    void install() {
        editor.setImageHandling(this::preview, this::pasted);
        editor.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        editor.setOnDragDropped(e -> {
            if (!e.getDragboard().hasFiles()) {
                return;
            }
            List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
            files.stream().filter(BodyImages::isBodyImage).forEach(f -> images.addFile(f, this::show));
            List<Path> others = files.stream().filter(f -> !BodyImages.isBodyImage(f)).toList();
            if (!others.isEmpty()) {
                attach.accept(others); // not an image the body shows: an attachment, as anywhere in the window
            }
            e.setDropCompleted(true);
            e.consume();
        });
    }

    private void show(Attachment attachment) {
        editor.insertImage(attachment.sha256(), attachment.fileName());
    }

    private void pasted(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        if (width <= 0 || height <= 0 || image.getPixelReader() == null) {
            return;
        }
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        images.addPixels("image.png", width, height, argb, this::show);
    }

    private Node preview(String sha256) {
        Image image = previews.get(sha256);
        if (image == null) {
            // Asked once while loading; a draft's attachments may not be listed yet, then asked again later.
            if (!previews.containsKey(sha256) && images.preview(sha256,
                    in -> new Image(in, PREVIEW_WIDTH, PREVIEW_HEIGHT, true, true), loaded -> {
                        previews.put(sha256, loaded);
                        editor.refreshPreviews();
                    })) {
                previews.put(sha256, null);
            }
            return null;
        }
        ImageView view = new ImageView(image);
        view.getStyleClass().add("inline-image");
        return view;
    }
}
