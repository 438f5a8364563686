package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/** Where stock is kept: the shop's shelves (what is sold at the counter) or the warehouse. */
public record StockLocation(long id, String code, Kind kind, String nameEn, String nameId) {

    public enum Kind { SHOP, WAREHOUSE }

    public String name(@Nullable Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameId;
    }
}
