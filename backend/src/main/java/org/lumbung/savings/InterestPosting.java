package org.lumbung.savings;

import java.time.LocalDate;
import java.time.YearMonth;

/** How often interest is posted: a period ends on the last day of a month, quarter or year. */
public enum InterestPosting {
    MONTHLY(1), QUARTERLY(3), YEARLY(12);

    private final int months;

    InterestPosting(int months) {
        this.months = months;
    }

    public boolean isPeriodEnd(LocalDate date) {
        return date.equals(YearMonth.from(date).atEndOfMonth()) && date.getMonthValue() % months == 0;
    }

    /** The last day of the period the date falls in. */
    public LocalDate periodEndOf(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        return month.plusMonths((months - month.getMonthValue() % months) % months).atEndOfMonth();
    }

    /** The last day of the period after the one that ends on {@code periodEnd}. */
    public LocalDate nextPeriodEnd(LocalDate periodEnd) {
        return YearMonth.from(periodEnd).plusMonths(months).atEndOfMonth();
    }

    /** The first day of the period that ends on {@code periodEnd}. */
    public LocalDate periodStart(LocalDate periodEnd) {
        return YearMonth.from(periodEnd).minusMonths(months - 1L).atDay(1);
    }
}
