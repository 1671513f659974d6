package dev.envoi.spelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDictionaryTest {

    @TempDir
    Path profile;

    @Test
    void smallLettersCoverCapitalsButNotTheOtherWayRound() throws Exception {
        PersonalDictionary words = PersonalDictionary.in(profile.resolve("w.txt"));
        words.add("grenouillère");
        words.add("Zorglub");
        assertTrue(words.contains("Grenouillère"));
        assertTrue(words.contains("Zorglub"));
        assertFalse(words.contains("zorglub"));
    }

    @Test
    void theFileIsOwnerOnlyAndReadBack() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "owner-only is a POSIX mode here; Windows keeps the profile private by its ACLs");
        Path file = profile.resolve("spelling/personal-words.txt");
        PersonalDictionary words = PersonalDictionary.in(file);
        words.add("Zorglub");
        words.add("Zorglub");
        words.add("line\nbreak");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(List.of("Zorglub"), PersonalDictionary.in(file).words());
    }
}
