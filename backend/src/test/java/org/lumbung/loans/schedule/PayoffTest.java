package org.lumbung.loans.schedule;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payoff of the equal-principal example of {@link ScheduleCalculatorTest}: Rp 12,000,000 at 1 % a month,
 * 6 monthly from 15 Jan 2026; interest 120,000 (due 15 Feb), 100,000 (15 Mar), 80,000 … The first instalment
 * (2,000,000 + its interest) is paid; Rp 25,000 of penalty and Rp 5,000 of fees are outstanding.
 */
class PayoffTest {

    private static LoanState state(DayCount dayCount) {
        LoanTermsFixture f = LoanTermsFixture.idr();
        f.method = InterestMethod.DECLINING_EQUAL_PRINCIPAL;
        f.principal = "12000000";
        f.rate = "1";
        f.instalments = 6;
        f.dayCount = dayCount;
        f.rounding = "0.01";
        Schedule schedule = f.schedule();
        Instalment first = schedule.instalments().get(0);
        return new LoanState(schedule, f.disbursement, first.principal(), first.interest(),
                new BigDecimal("5000"), new BigDecimal("25000"));
    }

    @Test
    void interestToThePaymentDateIsTheCurrentPeriodsShareByDays() {
        // 30/360: 15 Feb → 1 Mar is 30 + (1 − 15) = 16 days of the period's 30: 100,000 × 16 / 30 = 53,333.33
        PayoffQuote q = Payoff.amount(state(DayCount.THIRTY_360), LocalDate.of(2026, 3, 1),
                PrepaymentRule.INTEREST_TO_PAYMENT_DATE, DayCount.THIRTY_360);
        assertThat(q.principal()).isEqualByComparingTo("10000000");
        assertThat(q.interest()).isEqualByComparingTo("53333.33");
        assertThat(q.total()).isEqualByComparingTo("10083333.33"); // 10,000,000 + 53,333.33 + 5,000 + 25,000
    }

    @Test
    void interestToThePaymentDateUnderActualDays() {
        // actual/365: instalment 1 (31 days, 122,301.37 of interest) is paid; the period 15 Feb → 15 Mar 2026 has 28 days, interest 10,000,000 × 0.12 × 28/365 = 92,054.79;
        // 15 Feb → 1 Mar is 14 days: 92,054.79 × 14 / 28 = 46,027.395 → 46,027.40 (half-even)
        LoanState s = state(DayCount.ACTUAL_365);
        assertThat(s.schedule().instalments().get(1).interest()).isEqualByComparingTo("92054.79");
        PayoffQuote q = Payoff.amount(s, LocalDate.of(2026, 3, 1), PrepaymentRule.INTEREST_TO_PAYMENT_DATE,
                DayCount.ACTUAL_365);
        assertThat(q.interest()).isEqualByComparingTo("46027.40");
    }

    @Test
    void currentPeriodInterestIsTheWholeScheduledInterest() {
        PayoffQuote q = Payoff.amount(state(DayCount.THIRTY_360), LocalDate.of(2026, 3, 1),
                PrepaymentRule.CURRENT_PERIOD_INTEREST, DayCount.THIRTY_360);
        assertThat(q.interest()).isEqualByComparingTo("100000");
        assertThat(q.fees()).isEqualByComparingTo("5000");
        assertThat(q.penalty()).isEqualByComparingTo("25000");
    }

    @Test
    void onADueDateThatInstalmentsInterestIsOwedAndTheNextHasNotStarted() {
        // 15 Mar: instalment 2's 100,000 is earned in full; instalment 3's period has not begun, under either rule
        for (PrepaymentRule rule : PrepaymentRule.values()) {
            PayoffQuote q = Payoff.amount(state(DayCount.THIRTY_360), LocalDate.of(2026, 3, 15), rule, DayCount.THIRTY_360);
            assertThat(q.interest()).as("%s", rule).isEqualByComparingTo("100000");
        }
    }

    @Test
    void interestPaidInAdvanceIsNotOwedAgain() {
        LoanState s = state(DayCount.THIRTY_360);
        LoanState prepaid = new LoanState(s.schedule(), s.disbursementDate(), s.principalPaid(), new BigDecimal("300000"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        PayoffQuote q = Payoff.amount(prepaid, LocalDate.of(2026, 3, 1), PrepaymentRule.CURRENT_PERIOD_INTEREST,
                DayCount.THIRTY_360);
        assertThat(q.interest()).isEqualByComparingTo("0");
    }

    @Test
    void feesAreFixedOrAPercentageDeductedOrAdded() {
        // 2 % of 10,000,000 = 200,000 deducted; 50,000 fixed added to the loan
        List<Fee> fees = List.of(new Fee(FeeKind.PERCENT, new BigDecimal("2"), FeeTiming.DEDUCTED_AT_DISBURSEMENT),
                new Fee(FeeKind.FIXED, new BigDecimal("50000"), FeeTiming.ADDED_TO_LOAN));
        BigDecimal principal = new BigDecimal("10000000");
        assertThat(Fee.netDisbursed(principal, "IDR", fees)).isEqualByComparingTo("9800000");
        assertThat(Fee.financedPrincipal(principal, "IDR", fees)).isEqualByComparingTo("10050000");
        // 0.125 % of 1,234.56 = 1.5432 → 1.54
        assertThat(new Fee(FeeKind.PERCENT, new BigDecimal("0.125"), FeeTiming.ADDED_TO_LOAN)
                .amountOn(new BigDecimal("1234.56"), "USD").toPlainString()).isEqualTo("1.54");
    }
}
