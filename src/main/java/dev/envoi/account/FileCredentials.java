package dev.envoi.account;

import dev.envoi.files.Durability;
import dev.envoi.files.OwnerOnly;
import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Secrets in a file of the profile readable by its owner only, used only when the user chose it
 * (a machine with no keyring). Written to a temporary file first, synced and renamed, so never
 * half-written, and kept across a power cut once stored.
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
            OwnerOnly.createFile(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 Writer writer = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8)) {
                properties.store(writer, "Envoi SMTP secrets, one per account. Keep this file private.");
                writer.flush();
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // The bytes are synced above; the new name is an entry of the folder, synced here, or
            // a power cut could leave the old secrets (or none) after `store` returned.
            Durability.syncDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new CredentialException(WORDS.get("file.unwritable", file), null);
        }
    }
}
