package dev.envoi.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringTokenizer;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32C;

/**
 * The class-data archive (AppCDS) of one JVM and one class path, in the user's cache folder. A
 * JDK 17 JVM maps an archive only for the exact jars it was made from, so the file is named after
 * the JVM's home and version and each jar's path, size and time: a new build or a new JDK simply
 * finds no archive and makes its own. Only jars can be archived, never class folders.
 */
final class ClassDataArchive {

    static final String SUFFIX = ".jsa";

    private final Path folder;
    private final String name;

    private ClassDataArchive(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /** The archive for this JVM and {@code classPath}; empty when an entry is not a jar (a class folder). */
    static Optional<ClassDataArchive> forClassPath(Path folder, String javaHome, String vmVersion, String classPath) {
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath();
            if (!isJar(jar) || !addWithManifestClassPath(jar, jars)) {
                return Optional.empty();
            }
        }
        CRC32C key = new CRC32C();
        key.update((javaHome + '\n' + vmVersion + '\n').getBytes(StandardCharsets.UTF_8));
        for (Path jar : jars) {
            try {
                BasicFileAttributes file = Files.readAttributes(jar, BasicFileAttributes.class);
                key.update((jar + "\n" + file.size() + "\n" + file.lastModifiedTime().toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        // Not String.format: Formatter and its patterns would load in the small first JVM for this alone.
        String hex = Long.toHexString(key.getValue());
        return Optional.of(new ClassDataArchive(folder, "envoi-" + "0".repeat(8 - hex.length()) + hex));
    }

    private static boolean isJar(Path entry) {
        return entry.getFileName() != null && entry.getFileName().toString().endsWith(".jar") && Files.isRegularFile(entry);
    }

    /** Adds the jar and the jars its manifest's Class-Path names (as `java -jar` reads them); false for a folder among them. */
    private static boolean addWithManifestClassPath(Path jar, List<Path> jars) {
        jars.add(jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return true;
            }
            StringTokenizer entries = new StringTokenizer(classPath);
            while (entries.hasMoreTokens()) {
                Path entry = jar.resolveSibling(entries.nextToken()).normalize();
                if (Files.isDirectory(entry)) {
                    return false;
                }
                if (Files.isRegularFile(entry)) {
                    jars.add(entry);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    Path file() {
        return folder.resolve(name + SUFFIX);
    }

    boolean exists() {
        try {
            return Files.isRegularFile(file()) && Files.size(file()) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where one making of the archive writes, unseen by other starts until {@link #install} moves it. */
    Path partFile(long pid) {
        return folder.resolve(name + "." + pid + ".part");
    }

    /** The file the training JVM creates once its window is whole: only then is the archive worth keeping. */
    Path wholeMark(long pid) {
        return folder.resolve(name + "." + pid + ".whole");
    }

    Path folder() {
        return folder;
    }

    /**
     * Keeps what one making wrote if its window was whole, in one atomic move, and deletes the
     * archives of earlier builds and JVMs; removes the making's own files either way.
     */
    boolean install(long pid) throws IOException {
        Path part = partFile(pid);
        Path mark = wholeMark(pid);
        try {
            if (!Files.exists(mark) || !Files.isRegularFile(part) || Files.size(part) == 0) {
                return false;
            }
            Files.move(part, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteOthers();
            return true;
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(mark);
        }
    }

    /** Other builds' archives are never mapped again; another start's making still under way is left alone. */
    private void deleteOthers() throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "envoi-*")) {
            for (Path other : files) {
                boolean finished = other.getFileName().toString().endsWith(SUFFIX);
                if (!other.equals(file()) && (finished || Files.getLastModifiedTime(other).toMillis() < hourAgo)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }
}
