package org.lumbung.ui.i18n;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.MoneyText;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Numbers, money and dates in the reader's locale: "Rp 150.000,00" in Indonesian, "IDR 150,000.00" in
 * English; always the currency's ISO minor units; never rounded for display.
 */
public final class Formats {

    private Formats() {
    }

    public static String money(BigDecimal amount, String currency, Locale locale) {
        return MoneyText.money(amount, currency, locale);
    }

    /** The amount alone, grouped, with exactly the currency's minor units. */
    public static String amount(BigDecimal amount, String currency, Locale locale) {
        return MoneyText.amount(amount, currency, locale);
    }

    /** A percentage with two decimals in the reader's locale: "17,32 %" in Indonesian, "17.32 %" in English. */
    public static String percent(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value) + " %";
    }

    /**
     * A rate as it was set, without padding and never rounded: "40 %", "1,5 %", "0,125 %" in Indonesian, "1.5 %" in
     * English (interest rates, the SHU split, discounts).
     */
    public static String rate(BigDecimal value, Locale locale) {
        return decimal(value, locale) + " %";
    }

    /** A number as it was set, grouped in the reader's locale, never rounded: "1,5" in Indonesian, "1.5" in English. */
    public static String decimal(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }

    public static String number(long value, Locale locale) {
        return String.format(locale, "%,d", value);
    }

    /** "1 Dec 2026", "1 Des 2026": day first, the month by name, in both languages; no date is shown empty. */
    public static String date(@Nullable LocalDate date, Locale locale) {
        return DateText.date(date, locale);
    }

    public static String dateTime(@Nullable Instant instant, ZoneId zone, Locale locale) {
        return DateText.dateTime(instant, zone, locale);
    }

    public static String month(YearMonth month, Locale locale) {
        return DateText.month(month, locale);
    }
}
