package org.lumbung.loans.schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each convention across month ends and leap years. The 30/360 figures follow ISDA 2006 §4.16(f):
 * 360·ΔY + 30·ΔM + ΔD with D1 = 31 → 30, and D2 = 31 → 30 only when D1 is then 30.
 */
class DayCountTest {

    @ParameterizedTest(name = "{0} {1} → {2}: {3} days, year {4}")
    @CsvSource({
            // 30/360: 30·1 + (29 − 30) = 29 (D1 31 → 30, February's end is not adjusted)
            "THIRTY_360, 2028-01-31, 2028-02-29, 29, 360",
            // 30/360: D1 = 29, so D2 = 31 stays: 30·1 + (31 − 29) = 32
            "THIRTY_360, 2028-02-29, 2028-03-31, 32, 360",
            // 30/360: D1 31 → 30 and then D2 31 → 30: 360 + 0 + 0 = 360 across the leap year
            "THIRTY_360, 2027-12-31, 2028-12-31, 360, 360",
            // 30/360: 15 Feb → 15 Mar 2027 is 30·1 + 0 = 30 though the month has 28 days
            "THIRTY_360, 2027-02-15, 2027-03-15, 30, 360",
            // actual: 2028 has 366 days; the year of actual/365 still has 365
            "ACTUAL_365, 2028-01-01, 2029-01-01, 366, 365",
            // actual: 31 Jan → 29 Feb 2028 is 29 days
            "ACTUAL_365, 2028-01-31, 2028-02-29, 29, 365",
            // actual: 1 Feb → 1 Mar 2028 is 29 days, 2027 has 28
            "ACTUAL_360, 2028-02-01, 2028-03-01, 29, 360",
            "ACTUAL_360, 2027-02-01, 2027-03-01, 28, 360",
            // across a year end
            "ACTUAL_360, 2027-12-31, 2028-01-31, 31, 360"
    })
    void daysAndYearLength(DayCount dayCount, LocalDate from, LocalDate to, long days, int daysInYear) {
        assertThat(dayCount.days(from, to)).isEqualTo(days);
        assertThat(dayCount.daysInYear()).isEqualTo(daysInYear);
        assertThat(dayCount.yearFraction(from, to)).isEqualByComparingTo(java.math.BigDecimal.valueOf(days)
                .divide(java.math.BigDecimal.valueOf(daysInYear), java.math.MathContext.DECIMAL128));
    }
}
