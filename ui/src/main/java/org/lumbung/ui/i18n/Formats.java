package org.lumbung.ui.i18n;

import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Numbers, money and dates in the reader's locale: "Rp 150.000,00" in Indonesian, "IDR 150,000.00" in
 * English; always the currency's ISO minor units; never rounded for display.
 */
public final class Formats {

    private Formats() {
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

    public static String number(long value, Locale locale) {
        return String.format(locale, "%,d", value);
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(instant.atZone(zone));
    }
}
