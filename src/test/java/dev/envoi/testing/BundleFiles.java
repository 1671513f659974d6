package dev.envoi.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A resource bundle's file read as it is written (UTF-8), for tests that compare languages. */
public final class BundleFiles {

    private BundleFiles() {
    }

    public static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundleFiles.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing bundle " + resource);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
