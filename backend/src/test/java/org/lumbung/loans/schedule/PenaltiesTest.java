package org.lumbung.loans.schedule;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Penalties on Rp 1,000,000 overdue since 10 Jan 2028; each figure is worked out beside it. */
class PenaltiesTest {

    private static final BigDecimal OVERDUE = new BigDecimal("1000000");
    private static final LocalDate DUE = LocalDate.of(2028, 1, 10);

    @Test
    void perDayStartsAfterTheGraceDaysAndStopsAtTheCap() {
        PenaltyRule rule = new PenaltyRule(PenaltyKind.PERCENT_PER_DAY, new BigDecimal("0.1"), 3, new BigDecimal("50000"));
        assertThat(penalty(rule, 3)).isEqualByComparingTo("0");          // within the 3 grace days
        assertThat(penalty(rule, 4)).isEqualByComparingTo("1000");       // 1 day × 0.1 % × 1,000,000
        assertThat(penalty(rule, 10)).isEqualByComparingTo("7000");      // (10 − 3) days × 1,000
        assertThat(penalty(rule, 100)).isEqualByComparingTo("50000");    // 97,000 capped at 50,000
    }

    @Test
    void perMonthChargesEachStartedMonth() {
        PenaltyRule rule = new PenaltyRule(PenaltyKind.PERCENT_PER_MONTH, new BigDecimal("2"), 0, null);
        assertThat(penalty(rule, 0)).isEqualByComparingTo("0");          // on the due date itself
        assertThat(penalty(rule, 1)).isEqualByComparingTo("20000");      // ⌈1/30⌉ = 1 month × 2 %
        assertThat(penalty(rule, 30)).isEqualByComparingTo("20000");     // ⌈30/30⌉ = 1
        assertThat(penalty(rule, 31)).isEqualByComparingTo("40000");     // ⌈31/30⌉ = 2
        // across the leap February: 10 Jan → 10 Mar 2028 is 60 days: ⌈60/30⌉ = 2
        assertThat(Penalties.forOverdue(OVERDUE, "IDR", DUE, LocalDate.of(2028, 3, 10), rule)).isEqualByComparingTo("40000");
    }

    @Test
    void fixedIsChargedOnceAfterTheGraceAndAlsoCapped() {
        PenaltyRule rule = new PenaltyRule(PenaltyKind.FIXED, new BigDecimal("25000"), 7, null);
        assertThat(penalty(rule, 7)).isEqualByComparingTo("0");
        assertThat(penalty(rule, 8)).isEqualByComparingTo("25000");
        assertThat(penalty(rule, 300)).isEqualByComparingTo("25000");
        PenaltyRule capped = new PenaltyRule(PenaltyKind.FIXED, new BigDecimal("25000"), 0, new BigDecimal("10000"));
        assertThat(penalty(capped, 1)).isEqualByComparingTo("10000");
    }

    @Test
    void roundedHalfEvenToMinorUnits() {
        // 0.015 % × 333.33 × 1 day = 0.0499995 → 0.05 (USD, two decimals)
        PenaltyRule rule = new PenaltyRule(PenaltyKind.PERCENT_PER_DAY, new BigDecimal("0.015"), 0, null);
        BigDecimal p = Penalties.forOverdue(new BigDecimal("333.33"), "USD", DUE, DUE.plusDays(1), rule);
        assertThat(p.toPlainString()).isEqualTo("0.05");
    }

    private static BigDecimal penalty(PenaltyRule rule, int daysLate) {
        return Penalties.forOverdue(OVERDUE, "IDR", DUE, DUE.plusDays(daysLate), rule);
    }
}
