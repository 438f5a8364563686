package org.lumbung.platform.i18n;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as people of every cooperative read them without doubt: day, short month name, year — "1 Dec 2026"
 * in English, "1 Des 2026" in Indonesian — never the US order "12/1/2026", which a reader in Java or Phnom Penh
 * takes for 12 January. Screens and printed documents both use it.
 */
public final class DateText {

    private DateText() {
    }

    public static String date(@Nullable LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d MMM uuuu", Messages.supported(locale)).format(date);
    }

    /** A moment as the date and the 24-hour time in the given zone: "1 Dec 2026 14:05". */
    public static String dateTime(@Nullable Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Messages.supported(locale))
                .format(instant.atZone(zone));
    }

    /** A month with its full name: "December 2026", "Desember 2026". */
    public static String month(YearMonth month, Locale locale) {
        return DateTimeFormatter.ofPattern("MMMM uuuu", Messages.supported(locale)).format(month);
    }
}
