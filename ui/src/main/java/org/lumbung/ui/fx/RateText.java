package org.lumbung.ui.fx;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** A rate for people: grouped in the reader's language, with exactly its own decimals (3,550.123456 / 3.550,123456). */
final class RateText {

    private RateText() {
    }

    static String of(BigDecimal rate, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(Math.max(0, rate.scale()));
        f.setMaximumFractionDigits(8);
        return f.format(rate);
    }
}
