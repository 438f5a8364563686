package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * A name shown in the cooperative's two languages: a product's, as the catalogue keeps it in English and in Indonesian.
 * A member's name, a category or a month reads the same in both ({@link #untranslated}).
 */
public record ShopName(String en, String id) {

    public static ShopName untranslated(String name) {
        return new ShopName(name, name);
    }

    /** English for an English reader, Indonesian for everyone else: the language the cooperative works in. */
    public String in(@Nullable Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : id;
    }
}
