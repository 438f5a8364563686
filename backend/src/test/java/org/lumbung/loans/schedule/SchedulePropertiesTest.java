package org.lumbung.loans.schedule;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** What every schedule keeps, whatever its terms. */
class SchedulePropertiesTest {

    @Property(tries = 400)
    void principalSumsExactlyAndTotalsAddUp(@ForAll("anyTerms") LoanTerms terms) {
        Schedule s = ScheduleCalculator.schedule(terms);
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Instalment i : s.instalments()) {
            assertThat(i.principal().signum()).as("principal of %s", i.number()).isGreaterThanOrEqualTo(0);
            assertThat(i.interest().signum()).as("interest of %s", i.number()).isGreaterThanOrEqualTo(0);
            assertThat(i.total()).isEqualByComparingTo(i.principal().add(i.interest()));
            principal = principal.add(i.principal());
            interest = interest.add(i.interest());
            total = total.add(i.total());
        }
        assertThat(s.instalments()).hasSize(terms.instalments());
        assertThat(principal).isEqualByComparingTo(terms.principal());
        assertThat(s.totalPrincipal()).isEqualByComparingTo(terms.principal());
        assertThat(interest).isEqualByComparingTo(s.totalInterest());
        assertThat(total).isEqualByComparingTo(terms.principal().add(s.totalInterest()));
    }

    @Property(tries = 400)
    void everyAmountIsAtMinorUnitsAndRegularInstalmentsAreMultiples(@ForAll("anyTerms") LoanTerms terms) {
        Schedule s = ScheduleCalculator.schedule(terms);
        BigDecimal balance = terms.principal();
        for (Instalment i : s.instalments()) {
            assertThat(i.principal().scale()).isEqualTo(i.interest().scale()).isEqualTo(2);
            boolean afterGrace = i.number() > Math.max(terms.graceOnPrincipal(), terms.graceOnInterest() + 1);
            boolean clamped = i.principal().signum() == 0 || i.principal().compareTo(balance) == 0;
            if (afterGrace && !clamped && i.number() < terms.instalments()) {
                assertThat(i.total().remainder(terms.instalmentRounding())).as("total of %s", i.number()).isZero();
            }
            balance = balance.subtract(i.principal());
        }
    }

    /**
     * The last instalment absorbs the rounding: on equal 30/360 periods without grace, it differs from a regular
     * instalment by at most (multiple + one minor unit) × instalments. For the annuity the bound needs the rounding
     * error not to compound too much, so rates there are at most 2 % a month over at most 36 instalments.
     */
    @Property(tries = 400)
    void theLastInstalmentAbsorbsTheRemainderWithinOneMultiplePerInstalment(@ForAll("regularTerms") LoanTerms terms) {
        Schedule s = ScheduleCalculator.schedule(terms);
        int n = terms.instalments();
        Instalment last = s.instalments().get(n - 1);
        BigDecimal bound = terms.instalmentRounding().add(new BigDecimal("0.01")).multiply(BigDecimal.valueOf(n));
        BigDecimal deviation = terms.method() == InterestMethod.DECLINING_ANNUITY && n > 1
                ? last.total().subtract(s.instalments().get(0).total())
                : last.principal().subtract(terms.principal().divide(BigDecimal.valueOf(n), java.math.MathContext.DECIMAL128));
        assertThat(deviation.abs()).isLessThanOrEqualTo(bound);
    }

    @Provide
    Arbitrary<LoanTerms> anyTerms() {
        Arbitrary<Integer> instalments = Arbitraries.integers().between(1, 520);
        return Combinators.combine(
                Arbitraries.bigDecimals().between(new BigDecimal("1000"), new BigDecimal("1000000000")).ofScale(2),
                Arbitraries.of(InterestMethod.class),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10")).ofScale(3),
                Arbitraries.of(RepaymentFrequency.class),
                Arbitraries.of(DayCount.class),
                Arbitraries.of("0.01", "1", "100", "1000"),
                instalments,
                Arbitraries.integers().between(0, 40)
        ).as((p, method, rate, freq, dayCount, rounding, n, offset) -> {
            LocalDate firstDue = LocalDate.of(2027, 1, 31).plusDays(offset);
            int grace = n / 4;
            return new LoanTerms(p, "IDR", method, rate, RatePeriod.MONTH, n, freq, firstDue.minusDays(7 + offset),
                    firstDue, offset % 2 == 0 ? grace : 0, offset % 3 == 0 ? grace / 2 : 0, dayCount, new BigDecimal(rounding));
        });
    }

    @Provide
    Arbitrary<LoanTerms> regularTerms() {
        return Combinators.combine(
                Arbitraries.bigDecimals().between(new BigDecimal("100000"), new BigDecimal("1000000000")).ofScale(2),
                Arbitraries.of(InterestMethod.class),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2")).ofScale(2),
                Arbitraries.of(RepaymentFrequency.class),
                Arbitraries.of("0.01", "1", "100"),
                Arbitraries.integers().between(1, 36)
        ).as((p, method, rate, freq, rounding, n) -> {
            LocalDate firstDue = LocalDate.of(2028, 1, 31);
            return new LoanTerms(p, "IDR", method, rate, RatePeriod.MONTH, n, freq,
                    LoanTerms.defaultDisbursementDate(firstDue, freq), firstDue, 0, 0, DayCount.THIRTY_360,
                    new BigDecimal(rounding));
        });
    }
}
