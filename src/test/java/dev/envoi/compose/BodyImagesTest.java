package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image dropped into the body (issue 20) goes into the real vault and the attachment list; a
 * large one is offered to be scaled down (answered by the scripted dialogs), and scaled when the
 * sender agrees; a small one is kept byte for byte without a question.
 */
class BodyImagesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path profile;
    @TempDir
    Path files;
    private ComposeFixture fixture;
    private ComposeViewModel model;
    private final List<Attachment> shown = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ComposeFixture(profile);
        model = fixture.newViewModel();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        model.dispose();
        fixture.close();
    }

    private Path png(String name, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int x = 0; x < width; x += 7) {
            for (int y = 0; y < height; y += 3) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        Path file = files.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private Attachment drop(Path file) throws InterruptedException {
        model.bodyImages().addFile(file, shown::add);
        fixture.ui.runUntil(() -> !shown.isEmpty() || !model.errorProperty().get().isEmpty(), WAIT, "the image is in");
        assertEquals("", model.errorProperty().get());
        return shown.get(0);
    }

    private BufferedImage stored(Attachment attachment) throws Exception {
        try (InputStream in = fixture.store.openAttachment(attachment)) {
            return ImageIO.read(new ByteArrayInputStream(in.readAllBytes()));
        }
    }

    @Test
    void aWideImageIsScaledDownWhenTheSenderAgrees() throws Exception {
        fixture.dialogs.scaleDown = true;
        Attachment attachment = drop(png("wide.png", 2400, 300));
        assertEquals(List.of("scale wide.png 2400x300"), fixture.dialogs.asked);
        BufferedImage image = stored(attachment);
        assertEquals(1600, image.getWidth());
        assertEquals(200, image.getHeight());
        assertTrue(model.message().attachments().stream().anyMatch(a -> a.attachment().equals(attachment)),
                "kept in the vault and listed, so the draft keeps it");
    }

    @Test
    void aWideImageStaysAsItIsWhenTheSenderSaysNo() throws Exception {
        fixture.dialogs.scaleDown = false;
        Path file = png("wide.png", 2400, 300);
        Attachment attachment = drop(file);
        assertEquals(1, fixture.dialogs.asked.size());
        try (InputStream in = fixture.store.openAttachment(attachment)) {
            assertArrayEquals(Files.readAllBytes(file), in.readAllBytes());
        }
    }

    @Test
    void aSmallImageIsTakenWithoutAQuestion() throws Exception {
        Path file = png("small.png", 300, 200);
        Attachment attachment = drop(file);
        assertTrue(fixture.dialogs.asked.isEmpty(), fixture.dialogs.asked.toString());
        assertEquals(Files.size(file), attachment.size());
        assertEquals("small.png", attachment.fileName());
    }

    @Test
    void theDecisionCountsBytesAndWidth() {
        assertTrue(ImageScaling.isLarge(1_000_001, new ImageScaling.Size(100, 100)));
        assertTrue(ImageScaling.isLarge(10, new ImageScaling.Size(1601, 100)));
        assertTrue(!ImageScaling.isLarge(1_000_000, new ImageScaling.Size(1600, 5000)));
        assertEquals(1600, ImageScaling.targetWidth(10, new ImageScaling.Size(3200, 10)));
        assertEquals(500, ImageScaling.targetWidth(4_000_000, new ImageScaling.Size(1000, 1000)));
    }
}
