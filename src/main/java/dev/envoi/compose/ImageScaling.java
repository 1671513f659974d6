package dev.envoi.compose;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Whether an image for the body is worth scaling down, and the scaled copy (issue 20). Large
 * means over {@value #MAX_BYTES} bytes or wider than {@value #MAX_WIDTH} pixels: more than a mail
 * reader shows, and slow to send. Plain javax.imageio, run off the FX thread by the caller.
 */
final class ImageScaling {

    static final long MAX_BYTES = 1_000_000;
    static final int MAX_WIDTH = 1600;

    /** An image's width and height, read from its header only. */
    record Size(int width, int height) {
    }

    private ImageScaling() {
    }

    /** The image's size, or null when javax.imageio cannot read it (then it is taken as it is). */
    static Size sizeOf(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Size(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    static boolean isLarge(long bytes, Size size) {
        return bytes > MAX_BYTES || size != null && size.width() > MAX_WIDTH;
    }

    /**
     * The width to scale to: at most {@value #MAX_WIDTH}, and for an image only heavy in bytes, a
     * width whose pixel count should bring it under {@value #MAX_BYTES} (bytes follow the pixels).
     */
    static int targetWidth(long bytes, Size size) {
        double byWidth = Math.min(1.0, (double) MAX_WIDTH / size.width());
        double byBytes = bytes > MAX_BYTES ? Math.sqrt((double) MAX_BYTES / bytes) : 1.0;
        return Math.max(1, (int) Math.floor(size.width() * Math.min(byWidth, byBytes)));
    }

    /**
     * The image scaled to {@code width}, in the format its name says (JPEG stays JPEG, anything
     * else becomes PNG: javax.imageio writes no animated GIF, and one frame is what is shown).
     */
    static byte[] scaled(byte[] bytes, int width, String fileName) throws IOException {
        BufferedImage source = ImageIO.read(new ByteArrayInputStream(bytes));
        if (source == null) {
            throw new IOException("not an image javax.imageio can read");
        }
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        boolean jpeg = isJpeg(fileName);
        BufferedImage target = new BufferedImage(width, height, jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(target, jpeg ? "jpeg" : "png", out);
        return out.toByteArray();
    }

    /** The name of the scaled copy: a GIF scaled is a PNG now. */
    static String scaledName(String fileName) {
        if (isJpeg(fileName)) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        return (dot > 0 ? fileName.substring(0, dot) : fileName) + ".png";
    }

    private static boolean isJpeg(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    /** PNG, JPEG or GIF by its name: the kinds of image the body takes. */
    static boolean isBodyImage(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return isJpeg(lower) || lower.endsWith(".png") || lower.endsWith(".gif");
    }
}
