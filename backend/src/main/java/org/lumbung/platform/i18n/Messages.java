package org.lumbung.platform.i18n;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translated texts of Lumbung, English as the base and Bahasa Indonesia ({@code _id}); properties files are
 * read as UTF-8.
 *
 * <p>Each feature brings its own bundles: every {@code i18n/<feature>/<name>.properties} on the class path (with
 * its {@code _id} twin) is found at start, so a new feature adds texts by adding files, never by editing a
 * central list. A key belongs to one bundle only ({@code TranslationsTest} keeps it so), so the order in which
 * bundles are searched does not matter.
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, INDONESIAN);
    /** The base bundles' names, e.g. {@code i18n/ledger/ui}; a locale variant ends in {@code _xx}. */
    /** A MessageFormat argument: only a text with one is formatted (and writes an apostrophe as two). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");
    private static final Pattern BASE_BUNDLE = Pattern.compile(".*/(i18n/[a-z0-9-]+/[a-z0-9-]+)\\.properties$");
    private static final List<String> BUNDLES = discoverBundles();
    /** Which bundle holds a key: looked up once per key, so a text costs one map read after the first. */
    private static final Map<String, String> BUNDLE_OF_KEY = new ConcurrentHashMap<>();
    private static final String NONE = "";

    private Messages() {
    }

    /** Every base bundle on the class path, in a stable order. */
    public static List<String> bundles() {
        return BUNDLES;
    }

    private static List<String> discoverBundles() {
        try {
            TreeSet<String> names = new TreeSet<>();
            Resource[] found = new PathMatchingResourcePatternResolver(Messages.class.getClassLoader())
                    .getResources("classpath*:i18n/*/*.properties");
            for (Resource r : found) {
                URI uri = r.getURI();
                Matcher m = BASE_BUNDLE.matcher(uri.toString());
                if (m.matches() && !m.group(1).matches(".*_[a-z]{2}$")) {
                    names.add(m.group(1));
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the translation bundles", e);
        }
    }

    /** The supported locale closest to the requested one; Indonesian for "id" and "in", else English. */
    public static Locale supported(@Nullable Locale requested) {
        if (requested != null && ("id".equals(requested.getLanguage()) || "in".equals(requested.getLanguage()))) {
            return INDONESIAN;
        }
        return ENGLISH;
    }

    public static Locale forCode(String code) {
        return "id".equals(code) ? INDONESIAN : ENGLISH;
    }

    /**
     * Every key of any bundle that starts with {@code prefix}, sorted: a list each feature adds to with its own
     * bundle (the journal's sources, {@code journal.source.LOANS} in the loans bundle), never a central one.
     */
    public static List<String> keysStartingWith(String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        for (String name : BUNDLES) {
            bundle(name, ENGLISH).keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        }
        return List.copyOf(keys);
    }

    /** The translation, or null when no bundle knows the key. */
    public static @Nullable String find(String key, Locale locale, Object... arguments) {
        Locale target = supported(locale);
        String bundleName = BUNDLE_OF_KEY.computeIfAbsent(key, Messages::bundleOf);
        if (bundleName.equals(NONE)) {
            return null;
        }
        String pattern = bundle(bundleName, target).getString(key);
        // a text without placeholders is written as it reads (one apostrophe), whatever arguments its caller passes
        return arguments.length == 0 || !PLACEHOLDER.matcher(pattern).find() ? pattern
                : new MessageFormat(pattern, target).format(moneyAsRead(identifiersAsWritten(pattern, arguments), target));
    }

    /**
     * An argument written right after "#" ("receipt #{0}", "entry #{1}") is an identifier: its digits as they
     * are, "#5205", never grouped like a quantity ("#5,205"), which MessageFormat does to every number.
     */
    private static Object[] identifiersAsWritten(String pattern, Object[] arguments) {
        Object[] written = arguments.clone();
        for (int i = 0; i < written.length; i++) {
            if (written[i] instanceof Number n && pattern.contains("#{" + i + "}")) {
                written[i] = n.toString();
            }
        }
        return written;
    }

    /** An amount with its currency in the reader's way ("Rp 250.000,00"), with the currency's minor units. */
    private static Object[] moneyAsRead(Object[] arguments, Locale locale) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof MoneyArgument m) {
                arguments[i] = MoneyText.money(m.amount(), m.currency(), locale);
            }
        }
        return arguments;
    }

    private static String bundleOf(String key) {
        for (String name : BUNDLES) {
            if (bundle(name, ENGLISH).containsKey(key)) {
                return name;
            }
        }
        return NONE;
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        try {
            return ResourceBundle.getBundle(name, locale, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("translation bundle " + name + " is missing for " + locale, e);
        }
    }

    public static String get(String key, Locale locale, Object... arguments) {
        String text = find(key, locale, arguments);
        return text != null ? text : "!" + key;
    }

    public static String of(DomainException e, Locale locale) {
        return get(e.messageKey(), locale, e.arguments());
    }
}
