package dev.envoi.spelling;

import dev.envoi.files.Durability;
import dev.envoi.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words the user added with "Add to dictionary": one file in the profile, one word a line,
 * UTF-8, owner-only (the words a person adds are names, places, their trade: private). One list
 * serves every language, as a name is spelt the same in each.
 */
public final class PersonalDictionary {

    private final Path file;
    private final Set<String> words = new LinkedHashSet<>();

    private PersonalDictionary(Path file) {
        this.file = file;
    }

    /** The list kept in {@code file}, read now if it is there (it need not be). */
    public static PersonalDictionary in(Path file) {
        PersonalDictionary dictionary = new PersonalDictionary(file);
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String word = line.strip();
                    if (!word.isEmpty()) {
                        dictionary.words.add(word);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return dictionary;
    }

    /**
     * Whether the user added {@code word}. A word added in small letters also covers its capitalised
     * forms (at the start of a sentence, in a title), as in a Hunspell dictionary; "Envoi" added
     * does not make "envoi" right.
     */
    public synchronized boolean contains(String word) {
        return words.contains(word) || words.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Adds {@code word} and writes the list before returning: a word once added stays added. */
    public synchronized void add(String word) throws IOException {
        String clean = word.strip();
        if (clean.isEmpty() || clean.chars().anyMatch(c -> c == '\n' || c == '\r') || !words.add(clean)) {
            return;
        }
        try {
            write();
        } catch (IOException e) {
            words.remove(clean);
            throw e;
        }
    }

    /** The words, in the order they were added. */
    public synchronized List<String> words() {
        return List.copyOf(words);
    }

    // A new file renamed over the old one, so a crash leaves either list whole, never half of one.
    private void write() throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        OwnerOnly.createDirectories(folder);
        Path temp = folder.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        OwnerOnly.createFile(temp);
        Files.write(temp, words, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Durability.syncDirectory(folder);
    }
}
