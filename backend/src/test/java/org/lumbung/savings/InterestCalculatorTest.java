package org.lumbung.savings;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples of jasa simpanan, computed by hand, one per method. */
class InterestCalculatorTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    /**
     * 1,000,000 all June, 500,000 more deposited on 16 June, at 3 % a year on the daily balance:
     * 15 days × 1,000,000 + 15 days × 1,500,000 = 37,500,000 balance-days × 0.03 / 365 = 3,082.19178…
     * → 3,082.19.
     */
    @Test
    void dailyBalance() {
        TreeMap<LocalDate, BigDecimal> changes = new TreeMap<>();
        changes.put(LocalDate.of(2026, 6, 16), new BigDecimal("500000"));
        assertThat(InterestCalculator.interest(InterestMethod.DAILY_BALANCE, new BigDecimal("3"), JUNE_1, JUNE_30,
                new BigDecimal("1000000"), changes, "IDR")).isEqualByComparingTo("3082.19");
    }

    /**
     * Minimum monthly balance, 6 % a year, April–June: April starts at 2,000,000 and 1,500,000 is
     * withdrawn on 20 April (minimum 500,000); May has 500,000 throughout; 1,000,000 deposited on 1 June
     * (minimum 500,000: the month's opening balance counts). (500,000 × 3) × 0.06 / 12 = 7,500.00.
     */
    @Test
    void minimumMonthlyBalance() {
        TreeMap<LocalDate, BigDecimal> changes = new TreeMap<>();
        changes.put(LocalDate.of(2026, 4, 20), new BigDecimal("-1500000"));
        changes.put(JUNE_1, new BigDecimal("1000000"));
        assertThat(InterestCalculator.interest(InterestMethod.MIN_MONTHLY_BALANCE, new BigDecimal("6"), LocalDate.of(2026, 4, 1),
                JUNE_30, new BigDecimal("2000000"), changes, "IDR")).isEqualByComparingTo("7500.00");
    }

    /** The result is rounded once, half-even, to the currency's minor units. */
    @Test
    void theOneRoundingRuleIsHalfEven() {
        // 365 days × 0.5 IDR at 1 % a year = 0.005 exactly → 0.00; at 3 % = 0.015 → 0.02
        TreeMap<LocalDate, BigDecimal> none = new TreeMap<>();
        LocalDate start = LocalDate.of(2025, 1, 1);
        LocalDate end = LocalDate.of(2025, 12, 31);
        assertThat(InterestCalculator.interest(InterestMethod.DAILY_BALANCE, BigDecimal.ONE, start, end, new BigDecimal("0.5"), none, "IDR"))
                .isEqualByComparingTo("0.00");
        assertThat(InterestCalculator.interest(InterestMethod.DAILY_BALANCE, new BigDecimal("3"), start, end, new BigDecimal("0.5"), none, "IDR"))
                .isEqualByComparingTo("0.02");
    }

    @Test
    void noInterestMethodMeansNothingAndNegativeBalancesEarnNothing() {
        assertThat(InterestCalculator.interest(InterestMethod.NONE, new BigDecimal("3"), JUNE_1, JUNE_30, new BigDecimal("1000000"),
                new TreeMap<>(), "IDR")).isEqualByComparingTo("0");
        assertThat(InterestCalculator.interest(InterestMethod.DAILY_BALANCE, new BigDecimal("3"), JUNE_1, JUNE_30, BigDecimal.ZERO,
                new TreeMap<>(), "IDR")).isEqualByComparingTo("0");
    }
}
