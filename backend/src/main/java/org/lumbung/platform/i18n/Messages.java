package org.lumbung.platform.i18n;

import org.lumbung.platform.DomainException;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The translated texts of Lumbung: {@code i18n/errors} (backend refusals), {@code i18n/documents} (printed receipts) and {@code i18n/ui} (screens),
 * English as the base and Bahasa Indonesia ({@code _id}). Properties files are read as UTF-8.
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, INDONESIAN);
    private static final List<String> BUNDLES = List.of("i18n/ui", "i18n/errors", "i18n/documents");

    private Messages() {
    }

    /** The supported locale closest to the requested one; Indonesian for "id" and "in", else English. */
    public static Locale supported(Locale requested) {
        if (requested != null && ("id".equals(requested.getLanguage()) || "in".equals(requested.getLanguage()))) {
            return INDONESIAN;
        }
        return ENGLISH;
    }

    public static Locale forCode(String code) {
        return "id".equals(code) ? INDONESIAN : ENGLISH;
    }

    /** The translation, or null when no bundle knows the key. */
    public static String find(String key, Locale locale, Object... arguments) {
        Locale target = supported(locale);
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, target, Messages.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                if (bundle.containsKey(key)) {
                    String pattern = bundle.getString(key);
                    return arguments.length == 0 ? pattern : new MessageFormat(pattern, target).format(arguments);
                }
            } catch (MissingResourceException ignored) {
                // that bundle is not on this class path (the backend alone has no ui bundle)
            }
        }
        return null;
    }

    public static String get(String key, Locale locale, Object... arguments) {
        String text = find(key, locale, arguments);
        return text != null ? text : "!" + key;
    }

    public static String of(DomainException e, Locale locale) {
        return get(e.messageKey(), locale, e.arguments());
    }
}
