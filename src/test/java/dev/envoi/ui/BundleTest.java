package dev.envoi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.AddressProblem;
import dev.envoi.testing.BundleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of every window exists in English and in French, and every one can be formatted. */
class BundleTest {

    private static final Pattern FXML_KEY = Pattern.compile("\"%([\\w.]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"/dev/envoi/compose/messages", "/dev/envoi/outbox/messages", "/dev/envoi/app/desktop/messages",
            "/dev/envoi/settings/messages", "/dev/envoi/ui/messages"})
    void englishAndFrenchHaveTheSameKeys(String bundle) throws IOException {
        Set<String> english = new TreeSet<>(BundleFiles.load(bundle + ".properties").stringPropertyNames());
        Set<String> french = new TreeSet<>(BundleFiles.load(bundle + "_fr.properties").stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(french);
        Set<String> onlyFrench = new TreeSet<>(french);
        onlyFrench.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "keys missing from the French bundle");
        assertEquals(Set.of(), onlyFrench, "keys missing from the English bundle");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/envoi/compose/messages.properties", "/dev/envoi/compose/messages_fr.properties",
            "/dev/envoi/outbox/messages.properties", "/dev/envoi/outbox/messages_fr.properties",
            "/dev/envoi/app/desktop/messages.properties", "/dev/envoi/app/desktop/messages_fr.properties",
            "/dev/envoi/settings/messages.properties", "/dev/envoi/settings/messages_fr.properties",
            "/dev/envoi/ui/messages.properties", "/dev/envoi/ui/messages_fr.properties"})
    void everyTextIsAValidPatternWithTypographicApostrophes(String resource) throws IOException {
        Properties texts = BundleFiles.load(resource);
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            assertFalse(text.isBlank(), key + " is empty");
            // An ASCII apostrophe is a quote to MessageFormat and would vanish from the text.
            assertFalse(text.contains("'"), key + " has an ASCII apostrophe; write ’");
            new MessageFormat(text, Locale.ROOT);
        }
    }

    @Test
    void everyAddressProblemHasItsWords() throws IOException {
        Properties english = BundleFiles.load("/dev/envoi/ui/messages.properties");
        for (AddressProblem problem : AddressProblem.values()) {
            String text = english.getProperty("address." + problem.name());
            assertTrue(text != null, "no words for " + problem);
            Object[] details = {"example", "example"};
            // The English bundle says what the domain's own English sentence says.
            assertEquals(problem.with(details).english().replace('"', '?'),
                    new MessageFormat(text, Locale.ROOT).format(details).replace('“', '?').replace('”', '?'));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose/compose.fxml", "outbox/outbox.fxml", "settings/accounts.fxml"})
    void everyKeyAViewUsesExists(String view) throws IOException {
        Path fxml = Path.of("src/main/resources/dev/envoi").resolve(view);
        String bundle = "/dev/envoi/" + view.substring(0, view.indexOf('/')) + "/messages";
        Properties english = BundleFiles.load(bundle + ".properties");
        Matcher keys = FXML_KEY.matcher(Files.readString(fxml));
        int found = 0;
        while (keys.find()) {
            found++;
            assertTrue(english.containsKey(keys.group(1)), view + " uses the missing key " + keys.group(1));
        }
        assertTrue(found > 10, "the view takes its texts from the bundle");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev/envoi/compose", "dev/envoi/outbox", "dev/envoi/app/desktop", "dev/envoi/settings"})
    void everyKeyTheCodeAsksForExists(String folder) throws IOException {
        Pattern used = Pattern.compile("texts(?:\\(\\))?\\.get\\(\"([\\w.]+)\"\\s*[,)]");
        Properties english = BundleFiles.load("/" + folder + "/messages.properties");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java").resolve(folder))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher keys = used.matcher(Files.readString(source));
                while (keys.find()) {
                    assertTrue(english.containsKey(keys.group(1)), source + " asks for the missing key " + keys.group(1));
                }
            }
        }
    }
}
