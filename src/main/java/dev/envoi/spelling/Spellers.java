package dev.envoi.spelling;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The spellers of one profile, each loaded the first time it is asked for, on a background thread:
 * starting Envoi reads no dictionary, and a window whose text is never checked never pays for one
 * (English takes about 0.8 s and 4 MB, French 1.4 s and 5 MB, see docs/spelling.md).
 */
public final class Spellers {

    /** Where the user's own words are kept, inside the profile folder. */
    public static final String PERSONAL_FILE = "spelling/personal-words.txt";

    private final Path personalFile;
    private final Executor loader;
    private final Map<SpellingLanguage, CompletableFuture<Speller>> loaded = new EnumMap<>(SpellingLanguage.class);
    private CompletableFuture<PersonalDictionary> personal;

    /** Spellers for {@code profile}, loading on {@code loader}. */
    public Spellers(Path profile, Executor loader) {
        this.personalFile = profile.resolve(PERSONAL_FILE);
        this.loader = loader;
    }

    private static final Map<Path, Spellers> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The spellers every window of {@code profile} shares, so a dictionary is loaded once per
     * process however many windows check text.
     */
    public static Spellers shared(Path profile) {
        return SHARED.computeIfAbsent(profile.toAbsolutePath().normalize(), Spellers::forProfile);
    }

    /** Spellers for {@code profile}, loading on a daemon thread of their own. */
    public static Spellers forProfile(Path profile) {
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "envoi-spelling");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        return new Spellers(profile, thread);
    }

    /** The thread spelling work runs on (checks, suggestions), behind the loading. */
    public Executor executor() {
        return loader;
    }

    /** The speller of {@code language}; loading it if this is the first call. */
    public synchronized CompletableFuture<Speller> speller(SpellingLanguage language) {
        return loaded.computeIfAbsent(language, l -> personal().thenApplyAsync(
                words -> new Speller(l, Dictionaries.load(l), words), loader));
    }

    private CompletableFuture<PersonalDictionary> personal() {
        if (personal == null) {
            personal = CompletableFuture.supplyAsync(() -> PersonalDictionary.in(personalFile), loader);
        }
        return personal;
    }
}
