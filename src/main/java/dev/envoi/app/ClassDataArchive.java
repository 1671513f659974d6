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
 * JDK 17 JVM maps an archive only for the exact jars it was made from, so the file is named in two
 * parts: where (the JVM's home and each jar's path) and what (the JVM's version and each jar's size
 * and time). A new build or an updated JDK finds no archive, makes its own, and replaces the one of
 * the same place; another checkout or another JDK keeps its own beside it. Only jars can be
 * archived, never class folders.
 */
final class ClassDataArchive {

    static final String SUFFIX = ".jsa";

    private final Path folder;
    /** "envoi-" and where the archive's jars and JVM are: archives of one place replace each other. */
    private final String place;
    private final String name;

    private ClassDataArchive(Path folder, String place, String contents) {
        this.folder = folder;
        this.place = place;
        this.name = place + contents;
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
        CRC32C where = new CRC32C();
        CRC32C what = new CRC32C();
        where.update((javaHome + '\n').getBytes(StandardCharsets.UTF_8));
        what.update((vmVersion + '\n').getBytes(StandardCharsets.UTF_8));
        for (Path jar : jars) {
            try {
                BasicFileAttributes file = Files.readAttributes(jar, BasicFileAttributes.class);
                where.update((jar + "\n").getBytes(StandardCharsets.UTF_8));
                what.update((file.size() + "\n" + file.lastModifiedTime().toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new ClassDataArchive(folder, "envoi-" + hex8(where.getValue()) + "-", hex8(what.getValue())));
    }

    /** Not String.format: Formatter and its patterns would load in the small first JVM for this alone. */
    private static String hex8(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(8 - hex.length()) + hex;
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
     * archive it replaces (the same place's); removes the making's own files either way.
     */
    void install(long pid) throws IOException {
        Path part = partFile(pid);
        Path mark = wholeMark(pid);
        try {
            if (Files.exists(mark) && Files.isRegularFile(part) && Files.size(part) > 0) {
                Files.move(part, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                deleteReplaced();
            }
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(mark);
        }
    }

    /**
     * The same place's older archives are never mapped again; other places' are another checkout's or
     * JDK's. A making's files an hour old were left by a start that was killed; younger ones may be
     * another start's, still under way.
     */
    private void deleteReplaced() throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "envoi-*")) {
            for (Path other : files) {
                String otherName = other.getFileName().toString();
                boolean replaced = otherName.startsWith(place) && otherName.endsWith(SUFFIX);
                boolean leftOver = !otherName.endsWith(SUFFIX) && Files.getLastModifiedTime(other).toMillis() < hourAgo;
                if (!other.equals(file()) && (replaced || leftOver)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }
}
