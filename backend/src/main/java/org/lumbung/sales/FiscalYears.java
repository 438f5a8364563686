package org.lumbung.sales;

import org.lumbung.cooperative.Cooperative;

import java.time.LocalDate;
import java.time.Year;

/** A cooperative's fiscal year: from the first day of its starting month in that year, twelve months long. */
final class FiscalYears {

    private FiscalYears() {
    }

    static LocalDate first(Cooperative c, Year year) {
        return year.atMonth(c.fiscalYearStart()).atDay(1);
    }

    static LocalDate last(Cooperative c, Year year) {
        return first(c, year).plusYears(1).minusDays(1);
    }
}
