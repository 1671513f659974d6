package dev.envoi.i18n;

import dev.envoi.message.ByteSizes;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The sentences of one core package (store, spool, transport, account): the resource bundle
 * {@code messages} beside its classes, read in the default locale at the moment a sentence is
 * made. The window process sets that default from the OS or {@code --lang}; a command follows the
 * OS. Unlike the windows' {@code ui.Texts}, this knows no JavaFX, so every package may use it.
 */
public final class Sentences {

    private final String bundleName;
    private final Module module;

    private Sentences(String bundleName, Module module) {
        this.bundleName = bundleName;
        this.module = module;
    }

    /** The sentences in the bundle {@code messages} of the package of {@code owner}. */
    public static Sentences of(Class<?> owner) {
        return new Sentences(owner.getPackageName() + ".messages", owner.getModule());
    }

    /** The sentence for {@code key} in the current default locale, with {@code args} in its {0}, {1}… places. */
    public String get(String key, Object... args) {
        return format(ResourceBundle.getBundle(bundleName, Locale.getDefault(), module), key, args);
    }

    /** A byte count in the current default locale, as the core says it: "25.0 MiB", "25,0 Mio". */
    public static String size(long bytes) {
        Sentences sizes = of(Sentences.class);
        if (bytes < 1024) {
            return sizes.get("size.bytes", bytes);
        }
        ByteSizes.Scaled scaled = ByteSizes.scale(bytes);
        ResourceBundle bundle = ResourceBundle.getBundle(sizes.bundleName, Locale.getDefault(), sizes.module);
        // One decimal as String.format writes it, so the English stays what ByteSizes.human says.
        return format(bundle, "size." + scaled.unit(), String.format(localeOf(bundle), "%.1f", scaled.value()));
    }

    /**
     * The pattern for {@code key} formatted in the bundle's own language, so an English sentence
     * never gets another language's numbers. A missing key (a bug the bundle tests catch) gives the
     * key itself: the user still sees something to report.
     */
    public static String format(ResourceBundle bundle, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : MessageFormats.format(bundle, key, pattern, localeOf(bundle), args);
    }

    /** The language a bundle is written in; the base bundle is English. */
    public static Locale localeOf(ResourceBundle bundle) {
        return bundle.getLocale().toString().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }
}
