package org.lumbung.loans.schedule;

import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a loan's repayment schedule from its {@link LoanTerms}. Pure and exact: the same terms give the
 * same schedule on every machine, for the preview, the application and the booked loan.
 *
 * <h2>Rates and periods</h2>
 * <ul>
 *   <li>Yearly rate {@code R} = the rate as a fraction, times 12 when quoted per month (1.5 %/month → 0.18).</li>
 *   <li>Nominal periodic rate {@code r = R / periodsPerYear} (12 monthly, 26 fortnightly, 52 weekly): it sets
 *       the annuity's instalment.</li>
 *   <li>A period runs from the previous due date (the disbursement date for the first) to its due date. Its
 *       share of the year {@code f}: under 30/360 a regular period is exactly {@code 1/periodsPerYear} (equal
 *       periods), and a first period that is not one regular period long is 30/360 days / 360; under
 *       actual/365 and actual/360 it is the actual days / 365 or / 360.</li>
 *   <li>A period's interest {@code I = round(B × R × f)}, where {@code B} is the original principal for
 *       {@link InterestMethod#FLAT} and the outstanding balance for the declining methods; the product is
 *       formed exactly and rounded once, HALF_EVEN ({@link Amounts#ROUNDING}), to the currency's minor units.</li>
 * </ul>
 *
 * <h2>Instalments</h2>
 * With {@code n} instalments, {@code g} of them grace on principal and {@code m = n − g} repaying principal,
 * multiple {@code M}, and {@code roundM(x)} = x rounded HALF_EVEN to a multiple of M:
 * <ul>
 *   <li>FLAT and DECLINING_EQUAL_PRINCIPAL: total = roundM(P/m + I), principal = total − I.</li>
 *   <li>DECLINING_ANNUITY: the instalment {@code A = roundM(P·r / (1 − (1+r)^−m))} (P/m when r = 0);
 *       principal = A − I.</li>
 *   <li>An instalment in the principal grace repays no principal (its total is its interest). The last
 *       instalment repays the whole remaining principal, so the principal parts sum exactly to P; it absorbs
 *       every rounding. A principal part is never negative nor more than the balance.</li>
 *   <li>Grace on interest: the first instalments collect no interest; what they charged is collected with
 *       the first instalment after the grace, so total interest does not change.</li>
 * </ul>
 * The worked examples are in the README ("Loans: how a schedule is computed") and in ScheduleCalculatorTest.
 */
public final class ScheduleCalculator {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private ScheduleCalculator() {
    }

    public static Schedule schedule(LoanTerms terms) {
        Periods periods = new Periods(terms);
        int repaying = terms.instalments() - terms.graceOnPrincipal();
        BigDecimal regular = regularTarget(terms, repaying);
        BigDecimal balance = terms.principal();
        BigDecimal deferred = zero(terms);
        BigDecimal totalInterest = zero(terms);
        List<Instalment> instalments = new ArrayList<>(terms.instalments());
        for (int k = 1; k <= terms.instalments(); k++) {
            BigDecimal base = terms.method() == InterestMethod.FLAT ? terms.principal() : balance;
            BigDecimal charged = periods.interest(base, k);
            BigDecimal collected = k <= terms.graceOnInterest() ? zero(terms) : charged.add(deferred);
            deferred = k <= terms.graceOnInterest() ? deferred.add(charged) : zero(terms);
            BigDecimal principal = principalPart(terms, k, regular, charged, balance);
            balance = balance.subtract(principal);
            totalInterest = totalInterest.add(collected);
            instalments.add(new Instalment(k, periods.due(k), principal, collected, principal.add(collected)));
        }
        return new Schedule(terms.currency(), instalments, terms.principal(), totalInterest);
    }

    /**
     * What a regular instalment aims at before its own interest is known: the annuity A (already a multiple),
     * or the principal share P/m for the methods whose total is P/m + I.
     */
    private static BigDecimal regularTarget(LoanTerms terms, int repaying) {
        BigDecimal share = terms.principal().divide(BigDecimal.valueOf(repaying), PRECISION);
        if (terms.method() != InterestMethod.DECLINING_ANNUITY) {
            return share;
        }
        BigDecimal r = terms.ratePeriod().yearlyFraction(terms.ratePercent())
                .divide(BigDecimal.valueOf(terms.frequency().periodsPerYear()), PRECISION);
        return roundToMultiple(annuity(terms.principal(), r, repaying, share), terms);
    }

    /** A = P·r·(1+r)^m / ((1+r)^m − 1); P/m without interest. */
    static BigDecimal annuity(BigDecimal principal, BigDecimal r, int m, BigDecimal share) {
        if (r.signum() == 0) {
            return share;
        }
        BigDecimal growth = BigDecimal.ONE.add(r).pow(m, PRECISION);
        return principal.multiply(r).multiply(growth).divide(growth.subtract(BigDecimal.ONE), PRECISION);
    }

    private static BigDecimal principalPart(LoanTerms terms, int k, BigDecimal regular, BigDecimal interest,
                                            BigDecimal balance) {
        if (k <= terms.graceOnPrincipal()) {
            return zero(terms);
        }
        if (k == terms.instalments()) {
            return balance;
        }
        BigDecimal total = terms.method() == InterestMethod.DECLINING_ANNUITY
                ? regular : roundToMultiple(regular.add(interest), terms);
        BigDecimal principal = total.subtract(interest);
        return principal.signum() < 0 ? zero(terms) : principal.min(balance);
    }

    /** x rounded HALF_EVEN to a multiple of the product's instalment rounding, at the currency's minor units. */
    static BigDecimal roundToMultiple(BigDecimal x, LoanTerms terms) {
        BigDecimal multiple = terms.instalmentRounding();
        return x.divide(multiple, 0, Amounts.ROUNDING).multiply(multiple)
                .setScale(Amounts.minorUnits(terms.currency()), Amounts.ROUNDING);
    }

    private static BigDecimal zero(LoanTerms terms) {
        return BigDecimal.ZERO.setScale(Amounts.minorUnits(terms.currency()));
    }

    /** The due dates and each period's share of the year under the product's day count. */
    private static final class Periods {
        private final LoanTerms terms;
        private final BigDecimal yearly;
        private final int minorUnits;

        Periods(LoanTerms terms) {
            this.terms = terms;
            this.yearly = terms.ratePeriod().yearlyFraction(terms.ratePercent());
            this.minorUnits = Amounts.minorUnits(terms.currency());
        }

        LocalDate due(int k) {
            return terms.frequency().dueDate(terms.firstDueDate(), k);
        }

        LocalDate start(int k) {
            return k == 1 ? terms.disbursementDate() : due(k - 1);
        }

        /** I = round(B × R × days / daysInYear), formed exactly and rounded once. */
        BigDecimal interest(BigDecimal base, int k) {
            long[] share = yearShare(k);
            return base.multiply(yearly).multiply(BigDecimal.valueOf(share[0]))
                    .divide(BigDecimal.valueOf(share[1]), minorUnits, Amounts.ROUNDING);
        }

        /** The period's share of the year as {numerator, denominator}. */
        private long[] yearShare(int k) {
            DayCount dayCount = terms.dayCount();
            boolean regular = k > 1 || terms.disbursementDate().equals(
                    LoanTerms.defaultDisbursementDate(terms.firstDueDate(), terms.frequency()));
            if (dayCount == DayCount.THIRTY_360 && regular) {
                return new long[] {1, terms.frequency().periodsPerYear()};
            }
            return new long[] {dayCount.days(start(k), due(k)), dayCount.daysInYear()};
        }
    }
}
