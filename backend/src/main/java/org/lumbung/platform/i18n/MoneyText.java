package org.lumbung.platform.i18n;

import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money as people read it: "Rp 150.000,00" in Indonesian, "IDR 150,000.00" in English; always the
 * currency's ISO minor units; never rounded for display. Screens and printed documents both use it.
 */
public final class MoneyText {

    private MoneyText() {
    }

    public static String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        String symbol = "IDR".equals(currency) && "id".equals(locale.getLanguage()) ? "Rp" : currency;
        return symbol + " " + amount(amount, currency, locale);
    }

    /** The amount alone, grouped, with exactly the currency's minor units. */
    public static String amount(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        int digits = Amounts.minorUnits(currency);
        DecimalFormat format = new DecimalFormat("#,##0" + (digits > 0 ? "." + "0".repeat(digits) : ""),
                DecimalFormatSymbols.getInstance(locale));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }
}
