package org.lumbung.ui.components;

import org.lumbung.savings.ValueAtRate;
import org.lumbung.ui.i18n.Formats;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A foreign-currency balance's value in the cooperative's currency, as the member page and the member's phone show it
 * beside the foreign amount: "≈ Rp 5.325.000,00 at 3.550,00 of 26 Jun 2026".
 */
public final class ValueAtRateText {

    private ValueAtRateText() {
    }

    /** {@code translation} is the component's getTranslation(key, arguments). */
    public static String of(BiFunction<String, Object[], String> translation, ValueAtRate v, Locale locale) {
        NumberFormat rate = NumberFormat.getNumberInstance(locale);
        rate.setMinimumFractionDigits(2);
        rate.setMaximumFractionDigits(8);
        return translation.apply(v.stale() ? "accounts.value-at-rate.stale" : "accounts.value-at-rate", new Object[] {
                Formats.money(v.value(), v.currency(), locale), rate.format(v.rate()), Formats.date(v.rateDate(), locale)});
    }
}
