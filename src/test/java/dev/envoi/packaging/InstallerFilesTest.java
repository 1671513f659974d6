package dev.envoi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.StartupJit;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The files in packaging/ say what the installers promise: Envoi handles mailto: links on each
 * OS, and every file an argument file names exists. (Building the installers themselves is
 * packaging/check-linux-image.sh's job: it takes a minute, too long for mvn verify.)
 */
class InstallerFilesTest {

    private static final Path PACKAGING = Path.of("packaging");

    @Test
    void linuxDesktopEntryOffersEnvoiForMailtoLinks() throws IOException {
        Map<String, String> entry = desktopEntry(PACKAGING.resolve("linux/resources/Envoi.desktop"));
        assertEquals("Application", entry.get("Type"));
        assertTrue(entry.get("MimeType").contains("x-scheme-handler/mailto;"), entry.get("MimeType"));
        assertTrue(entry.get("Exec").endsWith(" %u"), "a clicked link arrives as the argument: " + entry.get("Exec"));
        assertTrue(entry.get("Categories").contains("Network;") && entry.get("Categories").contains("Email;"));
    }

    @Test
    void debScriptsKeepJpackagesDesktopRegistration() throws IOException {
        assertTrue(read("linux/resources/postinst").contains("\nDESKTOP_COMMANDS_INSTALL\n"));
        String prerm = read("linux/resources/prerm");
        assertTrue(prerm.contains("\nDESKTOP_COMMANDS_UNINSTALL\n") && prerm.contains("\nUTILITY_SCRIPTS\n"));
    }

    @Test
    void macBundleDeclaresTheMailtoScheme() throws Exception {
        Document plist = xml(PACKAGING.resolve("mac/resources/Info.plist"));
        assertEquals("Envoi", plistValue(plist, "CFBundleExecutable"));
        assertEquals("Envoi.icns", plistValue(plist, "CFBundleIconFile"));
        Element schemes = plistValueElement(plist, "CFBundleURLSchemes");
        assertEquals("mailto", schemes.getElementsByTagName("string").item(0).getTextContent());
    }

    @Test
    void windowsInstallerRegistersAMailClientForMailto() throws Exception {
        Document wxs = xml(PACKAGING.resolve("windows/resources/main.wxs"));
        Map<String, String> values = new LinkedHashMap<>();
        NodeList registry = wxs.getElementsByTagName("RegistryValue");
        for (int i = 0; i < registry.getLength(); i++) {
            Element value = (Element) registry.item(i);
            values.put(registryPath(value) + "|" + value.getAttribute("Name"), value.getAttribute("Value"));
        }
        assertEquals("Envoi.mailto", values.get("Software\\Clients\\Mail\\Envoi\\Capabilities\\URLAssociations|mailto"));
        assertEquals("\"[INSTALLDIR]Envoi.exe\" \"%1\"", values.get("Software\\Classes\\Envoi.mailto\\shell\\open\\command|"));
        assertEquals("Software\\Clients\\Mail\\Envoi\\Capabilities", values.get("Software\\RegisteredApplications|Envoi"));
        Element component = (Element) wxs.getElementsByTagName("Component").item(0);
        UUID.fromString(component.getAttribute("Guid"));
    }

    @Test
    void launcherStartsTheProgramsMainClass() throws Exception {
        Map<String, List<String>> options = options("app-image.args");
        assertEquals(List.of("envoi.jar"), options.get("--main-jar"));
        Class<?> main = Class.forName(options.get("--main-class").get(0));
        assertTrue(Modifier.isStatic(main.getMethod("main", String[].class).getModifiers()));
    }

    @Test
    void bothPackagedLaunchersMavenRunAndTheBenchmarksGiveTheStartupJitOptions() throws IOException {
        // bin/envoi is written from the .cfg these make, so it gets them too (Packager.DirectLauncher).
        List<String> javaOptions = options("app-image.args").get("--java-options");
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        for (String option : StartupJit.OPTIONS) {
            assertTrue(javaOptions.contains(option), "packaging/app-image.args gives " + option + ": " + javaOptions);
            assertTrue(pom.contains("<option>" + option + "</option>"), "mvn javafx:run gives " + option);
        }
        assertTrue(pom.contains("<envoi.bench.jit>" + String.join(" ", StartupJit.OPTIONS) + "</envoi.bench.jit>"),
                "the benchmarks' JVMs run with the launchers' JIT options");
    }

    @Test
    void everyFileAnArgumentFileNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String file : List.of("common.args", "app-image.args", "linux/app-image.args", "linux/installer.args",
                "mac/app-image.args", "mac/installer.args", "windows/app-image.args", "windows/installer.args")) {
            options(file).forEach((option, values) -> {
                for (String value : values) {
                    String path = option.equals("--add-launcher") ? value.substring(value.indexOf('=') + 1) : value;
                    boolean namesFile = List.of("--icon", "--license-file", "--resource-dir", "--add-launcher").contains(option);
                    if (namesFile && !Files.exists(Path.of(path))) {
                        missing.add(file + ": " + option + " " + path);
                    }
                }
            });
        }
        assertEquals(List.of(), missing);
    }

    /** A RegistryValue's full key: its RegistryKey parent's Key, then its own Key, if any. */
    private static String registryPath(Element value) {
        List<String> parts = new ArrayList<>();
        if (value.getParentNode() instanceof Element parent && parent.getTagName().equals("RegistryKey")) {
            parts.add(parent.getAttribute("Key"));
        }
        parts.add(value.getAttribute("Key"));
        parts.removeIf(String::isEmpty);
        return String.join("\\", parts);
    }

    /** An argument file's options: "--name value" lines, # comments skipped, quotes removed. */
    private static Map<String, List<String>> options(String file) throws IOException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PACKAGING.resolve(file), StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            String value = parts.length > 1 ? parts[1].replace("\"", "") : "";
            options.computeIfAbsent(parts[0], key -> new ArrayList<>()).add(value);
        }
        return options;
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> entry = new LinkedHashMap<>();
        boolean inMainGroup = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("[")) {
                inMainGroup = line.equals("[Desktop Entry]");
            } else if (inMainGroup && line.contains("=") && !line.startsWith("#")) {
                entry.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return entry;
    }

    private static String read(String file) throws IOException {
        return Files.readString(PACKAGING.resolve(file), StandardCharsets.UTF_8);
    }

    /** Parses XML without fetching its DTD (Info.plist names Apple's on the web). */
    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String plistValue(Document plist, String key) {
        return plistValueElement(plist, key).getTextContent();
    }

    /** The element after <key>NAME</key>, anywhere in the plist. */
    private static Element plistValueElement(Document plist, String key) {
        NodeList keys = plist.getElementsByTagName("key");
        for (int i = 0; i < keys.getLength(); i++) {
            if (keys.item(i).getTextContent().equals(key)) {
                org.w3c.dom.Node next = keys.item(i).getNextSibling();
                while (!(next instanceof Element)) {
                    next = next.getNextSibling();
                }
                return (Element) next;
            }
        }
        throw new AssertionError("Info.plist has no " + key);
    }
}
