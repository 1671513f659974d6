package dev.envoi.account;

import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Secrets in a file of the profile readable by its owner only, used only when the user chose it
 * (a machine with no keyring). Written to a temporary file first and renamed, so never half-written.
 */
public final class FileCredentials implements CredentialStore {

    public static final String FILE_NAME = "credentials.properties";
    private static final Sentences WORDS = Sentences.of(FileCredentials.class);

    private final Path file;

    public FileCredentials(Path profileDir) {
        this.file = profileDir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    @Override
    public String description() {
        return "the file " + file + ", readable by you only";
    }

    @Override
    public synchronized Optional<char[]> secretFor(Account account) throws CredentialException {
        String secret = load().getProperty(account.name());
        return secret == null ? Optional.empty() : Optional.of(secret.toCharArray());
    }

    @Override
    public synchronized void store(Account account, char[] secret) throws CredentialException {
        Properties properties = load();
        properties.setProperty(account.name(), new String(secret));
        save(properties);
    }

    @Override
    public synchronized void delete(Account account) throws CredentialException {
        Properties properties = load();
        if (properties.remove(account.name()) != null) {
            save(properties);
        }
    }

    private Properties load() throws CredentialException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new CredentialException(WORDS.get("file.unreadable", file), null);
            }
        }
        return properties;
    }

    private void save(Properties properties) throws CredentialException {
        try {
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "Envoi SMTP secrets, one per account. Keep this file private.");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CredentialException(WORDS.get("file.unwritable", file), null);
        }
    }
}
