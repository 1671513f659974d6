package dev.envoi.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of one window in the user's language: a resource bundle beside the window's classes,
 * with {@link MessageFormat} patterns so numbers and dates follow the locale too.
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
        return bundle.getLocale().toString().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    /** The text for {@code key}, with {@code args} put in its {0}, {1}… places. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug the bundle test catches; the user still sees something usable.
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    /** A byte count as people read it in this language: "11.4 KiB", "11,4 Kio". */
    public String size(long bytes) {
        if (bytes < 1024) {
            return get("size.bytes", bytes);
        }
        String[] units = {"size.kib", "size.mib", "size.gib", "size.tib"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return get(units[unit], Math.round(value * 10) / 10.0);
    }
}
