package org.lumbung.loans.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The day-count convention of a product: how many days lie between two dates and how many days a year has.
 *
 * <ul>
 *   <li>{@link #THIRTY_360}: the 30/360 bond basis (ISDA 2006 §4.16(f)): days =
 *       360·(Y2−Y1) + 30·(M2−M1) + (D2−D1), where a D1 of 31 counts as 30, and a D2 of 31 counts as 30 when D1
 *       (after that change) is 30; the year has 360 days. The end of February is not adjusted.
 *       In a schedule, every whole repayment period under 30/360 is exactly its nominal share of the year
 *       (a month 1/12, a fortnight 1/26, a week 1/52): the periods are equal.</li>
 *   <li>{@link #ACTUAL_365}: the actual calendar days; the year has 365 days, also in a leap year
 *       (actual/365 fixed).</li>
 *   <li>{@link #ACTUAL_360}: the actual calendar days; the year has 360 days.</li>
 * </ul>
 */
public enum DayCount {
    THIRTY_360(360),
    ACTUAL_365(365),
    ACTUAL_360(360);

    private final int daysInYear;

    DayCount(int daysInYear) {
        this.daysInYear = daysInYear;
    }

    public int daysInYear() {
        return daysInYear;
    }

    /** The days from {@code from} to {@code to} under this convention; negative when {@code to} is earlier. */
    public long days(LocalDate from, LocalDate to) {
        if (this != THIRTY_360) {
            return ChronoUnit.DAYS.between(from, to);
        }
        int d1 = Math.min(from.getDayOfMonth(), 30);
        int d2 = to.getDayOfMonth() == 31 && d1 == 30 ? 30 : to.getDayOfMonth();
        return 360L * (to.getYear() - from.getYear()) + 30L * (to.getMonthValue() - from.getMonthValue()) + (d2 - d1);
    }

    /**
     * days / daysInYear, to 34 significant digits (for display and comparison; amounts are computed with
     * the exact numerator and denominator by {@link ScheduleCalculator}).
     */
    public BigDecimal yearFraction(LocalDate from, LocalDate to) {
        return BigDecimal.valueOf(days(from, to)).divide(BigDecimal.valueOf(daysInYear), MathContext.DECIMAL128);
    }
}
