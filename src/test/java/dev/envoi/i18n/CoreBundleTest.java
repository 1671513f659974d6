package dev.envoi.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import dev.envoi.testing.BundleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sentences of the core (store, spool, transport, account) exist in English and in French,
 * every key the code asks for is there, and no English sentence is left in the code.
 */
class CoreBundleTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/envoi");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern ASKED = Pattern.compile("\\bWORDS\\.get\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern THROWN = Pattern.compile("\\bnew\\s+(\\w*(?:Exception|Error))\\s*\\(");
    /** Two words in a row: a sentence for someone to read. */
    private static final Pattern WORDS_IN_A_ROW = Pattern.compile("\\p{L}{2,}[\\s:,]+\\p{L}");

    /**
     * Exceptions whose English text may stay in the code, by file and the start of the text: each
     * says a state no user can bring about (a programmer's mistake, a Java runtime without SHA-256
     * or TLS), so nobody is asked to read it in their language.
     */
    private static final Map<String, List<String>> PROGRAMMERS_WORDS = Map.of(
            "store/Sha256.java", List.of("this JDK has no SHA-256"),
            // A row read in the very transaction that vanishes: only a bug can do that.
            "store/MessageTable.java", List.of("message row "),
            "spool/RetryPolicy.java", List.of("jitter must be in [0, 1)"),
            // Jakarta Activation asks a data source for an output stream only to write into it; Envoi never does.
            "transport/VaultDataSource.java", List.of("attachments in the vault are read-only"),
            "transport/MimeAssembler.java", List.of("UTF-8 is missing from this Java runtime",
                    "SHA-256 is missing from this Java runtime"),
            "transport/DeliveryOptions.java", List.of("NEVER cannot be combined with other DSN notifications"),
            "transport/CertificateFingerprint.java", List.of("cannot fingerprint a certificate"),
            // The store refuses a message without a sender at submit, before any transport sees it.
            "transport/OutgoingMessage.java", List.of("an outgoing message needs a From address"),
            // A client is never asked to check client certificates.
            "transport/ServerTrust.java", List.of("this Java runtime has no X509 trust manager",
                    "TLS is not available in this Java runtime", "Envoi is a client; it accepts no client certificates"));

    private static Properties english(String part) throws IOException {
        return BundleFiles.load("/dev/envoi/" + part + "/messages.properties");
    }

    private static Properties french(String part) throws IOException {
        return BundleFiles.load("/dev/envoi/" + part + "/messages_fr.properties");
    }

    private static List<Path> sourcesOf(String part) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(part))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n", "store", "spool", "transport", "account", "oauth"})
    void englishAndFrenchHaveTheSameKeys(String part) throws IOException {
        Set<String> onlyEnglish = new TreeSet<>(english(part).stringPropertyNames());
        onlyEnglish.removeAll(french(part).stringPropertyNames());
        Set<String> onlyFrench = new TreeSet<>(french(part).stringPropertyNames());
        onlyFrench.removeAll(english(part).stringPropertyNames());
        assertEquals(Set.of(), onlyEnglish, "keys missing from the French bundle of " + part);
        assertEquals(Set.of(), onlyFrench, "keys missing from the English bundle of " + part);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n", "store", "spool", "transport", "account", "oauth"})
    void everySentenceIsAValidPatternWithTheSamePlacesInBothLanguages(String part) throws IOException {
        Properties english = english(part);
        Properties french = french(part);
        for (String key : english.stringPropertyNames()) {
            for (String text : List.of(english.getProperty(key), french.getProperty(key, ""))) {
                assertFalse(text.isBlank(), part + ": " + key + " is empty");
                // An ASCII apostrophe is a quote to MessageFormat and would vanish from the text.
                assertFalse(text.contains("'"), part + ": " + key + " has an ASCII apostrophe; write ’");
                new MessageFormat(text, Locale.ROOT);
            }
            assertEquals(places(english.getProperty(key)), places(french.getProperty(key)),
                    part + ": " + key + " does not use the same {n} in French");
        }
    }

    private static Set<String> places(String text) {
        Set<String> places = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            places.add(m.group(1));
        }
        return places;
    }

    /**
     * The keys the code of a part asks its bundle for: whole keys, the starts of keys it completes
     * as it runs ("attach.name." + a constant), and any call whose key the scan cannot read.
     */
    private record Asked(Set<String> keys, Set<String> prefixes, List<String> unreadable) {
    }

    private static Asked askedIn(String part) throws IOException {
        Asked asked = new Asked(new TreeSet<>(), new TreeSet<>(), new ArrayList<>());
        for (Path source : sourcesOf(part)) {
            String code = Files.readString(source);
            Matcher call = ASKED.matcher(code);
            while (call.find()) {
                String key = arguments(code, call.end(), true);
                if (key.startsWith("actionKey(")) {
                    continue; // the store's database actions: see actionsOfTheStore
                }
                Matcher literal = LITERAL.matcher(key);
                boolean named = false;
                while (literal.find()) {
                    named = true;
                    boolean completed = key.substring(literal.end()).strip().startsWith("+");
                    (completed ? asked.prefixes() : asked.keys()).add(literal.group(1));
                }
                if (!named) {
                    asked.unreadable().add(source + ": " + key);
                }
            }
        }
        return asked;
    }

    /** The actions the store names when it reads or writes ("save the draft"), each a key of its bundle. */
    private static Set<String> actionsOfTheStore() throws IOException {
        Pattern action = Pattern.compile("(?:database\\.(?:read|write|writeUnsynced)|StoreErrors\\.translate\\(\\w+,"
                + "|changeQueued\\(\\w+,|updateQueued\\(\\w+,)\\(?\\s*\"([^\"]+)\"");
        Set<String> actions = new TreeSet<>();
        for (Path source : sourcesOf("store")) {
            Matcher m = action.matcher(Files.readString(source));
            while (m.find()) {
                actions.add(m.group(1));
            }
        }
        assertTrue(actions.size() > 25, "the scan finds the store's actions: " + actions);
        return actions;
    }

    @ParameterizedTest
    @ValueSource(strings = {"store", "spool", "transport", "account", "oauth"})
    void everyKeyTheCodeAsksForExists(String part) throws IOException {
        Set<String> english = english(part).stringPropertyNames();
        Asked asked = askedIn(part);
        assertEquals(List.of(), asked.unreadable(), "calls whose key the test cannot see");
        assertTrue(asked.keys().size() >= 5, "the code of " + part + " takes its sentences from the bundle");
        for (String key : asked.keys()) {
            assertTrue(english.contains(key), part + " asks for the missing key " + key);
        }
        for (String prefix : asked.prefixes()) {
            assertTrue(english.stream().anyMatch(k -> k.startsWith(prefix)), part + " asks for missing keys " + prefix);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"store", "spool", "transport", "account", "oauth"})
    void everySentenceOfABundleIsUsed(String part) throws IOException {
        Asked asked = askedIn(part);
        Set<String> actionKeys = new TreeSet<>();
        if (part.equals("store")) {
            actionsOfTheStore().forEach(what -> actionKeys.add("action." + what.replace(' ', '-')));
        }
        for (String key : english(part).stringPropertyNames()) {
            boolean used = asked.keys().contains(key) || asked.prefixes().stream().anyMatch(key::startsWith)
                    || actionKeys.contains(key);
            assertTrue(used, part + ": no code asks for " + key);
        }
    }

    /**
     * The text of a call's arguments from just after its opening parenthesis: the first one only,
     * or all of them. String literals are skipped whole, so a comma or parenthesis in one does not count.
     */
    private static String arguments(String code, int from, boolean firstOnly) {
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                Matcher literal = LITERAL.matcher(code);
                assertTrue(literal.find(i), "a string literal at " + i);
                i = literal.end() - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0 || firstOnly && c == ',' && depth == 0) {
                return code.substring(from, i);
            }
        }
        throw new AssertionError("unbalanced call at " + from);
    }

    @Test
    void everyDatabaseActionHasItsWordsAndTheEnglishIsWhatTheCodeSays() throws IOException {
        Properties english = english("store");
        for (String what : actionsOfTheStore()) {
            String key = "action." + what.replace(' ', '-');
            assertEquals(what, english.getProperty(key), key + ": the English words of the action");
        }
    }

    @Test
    void everyAttachmentNameProblemHasItsWords() throws IOException {
        Properties english = english("store");
        for (Attachment.NameProblem problem : Attachment.NameProblem.values()) {
            assertEquals(problem.english(), english.getProperty("attach.name." + problem.name()), problem.name());
        }
    }

    @Test
    void noEnglishSentenceIsThrownFromTheCore() throws IOException {
        List<String> found = new ArrayList<>();
        Set<String> allowedSeen = new TreeSet<>();
        for (String part : List.of("store", "spool", "transport", "account")) {
            for (Path source : sourcesOf(part)) {
                String name = SOURCES.relativize(source).toString().replace('\\', '/');
                String code = Files.readString(source);
                Matcher thrown = THROWN.matcher(code);
                while (thrown.find()) {
                    String arguments = arguments(code, thrown.end(), false);
                    Matcher literal = LITERAL.matcher(arguments);
                    while (literal.find()) {
                        String text = literal.group(1);
                        if (!WORDS_IN_A_ROW.matcher(text).find()) {
                            continue;
                        }
                        Optional<String> allowed = PROGRAMMERS_WORDS.getOrDefault(name, List.of()).stream()
                                .filter(text::startsWith).findFirst();
                        if (allowed.isPresent()) {
                            allowedSeen.add(name + ": " + allowed.get());
                        } else {
                            found.add(name + ": new " + thrown.group(1) + "(\"" + text + "\" ...)");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "English sentences thrown from the core: put them in the package's bundle");
        Set<String> allowed = new TreeSet<>();
        PROGRAMMERS_WORDS.forEach((file, starts) -> starts.forEach(start -> allowed.add(file + ": " + start)));
        assertEquals(allowed, allowedSeen, "the allowed English texts are exactly those still in the code");
    }
}
