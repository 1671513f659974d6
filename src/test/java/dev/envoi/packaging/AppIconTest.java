package dev.envoi.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The icon files rendered from assets/envoi.svg are there, at the sizes their users ask for. */
class AppIconTest {

    private static final Path ASSETS = Path.of("assets");

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256})
    void windowIconsAreOnTheClassPathAtTheirSize(int size) throws IOException {
        try (InputStream in = AppIconTest.class.getResourceAsStream("/dev/envoi/app/icons/icon-" + size + ".png")) {
            assertNotNull(in, "icon-" + size + ".png is not on the class path beside dev.envoi.app");
            assertSquare(ImageIO.read(in), size);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256, 512, 1024})
    void pngSetHasEverySize(int size) throws IOException {
        assertSquare(ImageIO.read(ASSETS.resolve("png/envoi-" + size + ".png").toFile()), size);
    }

    @Test
    void windowsIconHoldsSevenSizes() throws IOException {
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(ASSETS.resolve("envoi.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, header.getShort(0), "ICONDIR reserved word");
        assertEquals(1, header.getShort(2), "ICONDIR type 1 is an icon");
        assertEquals(7, header.getShort(4), "16, 24, 32, 48, 64, 128 and 256 px");
    }

    @Test
    void macIconIsAnIcnsFileOfItsDeclaredLength() throws IOException {
        byte[] icns = Files.readAllBytes(ASSETS.resolve("envoi.icns"));
        assertArrayEquals("icns".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(icns, 4));
        assertEquals(icns.length, ByteBuffer.wrap(icns).getInt(4), "the length the icns header declares");
    }

    private static void assertSquare(BufferedImage image, int size) {
        assertNotNull(image, "not a readable PNG");
        assertEquals(size, image.getWidth(), "width");
        assertEquals(size, image.getHeight(), "height");
    }
}
