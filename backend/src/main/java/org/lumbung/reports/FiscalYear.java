package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;

import java.time.LocalDate;

/**
 * A cooperative's fiscal year, named by the calendar year it starts in: it starts on the first day of the
 * cooperative's fiscal-year month ({@link Cooperative#fiscalYearStart()}, 1 = January) and lasts twelve months.
 */
public record FiscalYear(int year, LocalDate first, LocalDate last) {

    public static FiscalYear of(Cooperative c, int year) {
        LocalDate first = LocalDate.of(year, c.fiscalYearStart(), 1);
        return new FiscalYear(year, first, first.plusYears(1).minusDays(1));
    }

    /** The fiscal year a day lies in. */
    public static FiscalYear containing(Cooperative c, LocalDate day) {
        int year = day.getMonthValue() >= c.fiscalYearStart() ? day.getYear() : day.getYear() - 1;
        return of(c, year);
    }
}
