package dev.envoi.ui;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.ByteSizes;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of one window in the user's language: a resource bundle beside the window's classes,
 * with {@link java.text.MessageFormat} patterns so numbers and dates follow the locale too.
 */
public final class Texts {

    private final ResourceBundle bundle;

    private Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The bundle {@code messages} in the package of {@code owner}, for the default locale. */
    public static Texts of(Class<?> owner) {
        return of(owner, Locale.getDefault());
    }

    public static Texts of(Class<?> owner, Locale locale) {
        String name = owner.getPackageName() + ".messages";
        return new Texts(ResourceBundle.getBundle(name, locale, owner.getModule()));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return Sentences.localeOf(bundle);
    }

    /** The text for {@code key}, with {@code args} put in its {0}, {1}… places (the key itself if missing). */
    public String get(String key, Object... args) {
        return Sentences.format(bundle, key, args);
    }

    /** A byte count as people read it in this language: "11.4 KiB", "11,4 Kio". */
    public String size(long bytes) {
        if (bytes < 1024) {
            return get("size.bytes", bytes);
        }
        ByteSizes.Scaled scaled = ByteSizes.scale(bytes);
        return get("size." + scaled.unit().toLowerCase(Locale.ROOT), Math.round(scaled.value() * 10) / 10.0);
    }
}
