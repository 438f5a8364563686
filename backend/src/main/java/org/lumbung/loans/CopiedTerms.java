package org.lumbung.loans;

import org.jspecify.annotations.Nullable;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.Fee;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.LoanTerms;
import org.lumbung.loans.schedule.PenaltyRule;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A product's terms as a loan copied them at application: a product edited later does not change the loan.
 * {@code fee} and {@code penalty} are null when there is none.
 */
public record CopiedTerms(InterestMethod method, BigDecimal ratePercent, RatePeriod ratePeriod,
                          RepaymentFrequency frequency, int instalments, int graceOnPrincipal, int graceOnInterest,
                          DayCount dayCount, BigDecimal instalmentRounding, @Nullable Fee fee, @Nullable PenaltyRule penalty,
                          AllocationOrder allocationOrder, PrepaymentRule prepaymentRule, boolean accruesInterest) {

    static CopiedTerms of(LoanProduct p, int instalments) {
        return new CopiedTerms(p.interestMethod(), p.interestRate(), p.ratePeriod(), p.frequency(), instalments,
                p.graceOnPrincipal(), p.graceOnInterest(), p.dayCount(), p.instalmentRounding(), p.fee(), p.penalty(),
                p.allocationOrder(), p.prepaymentRule(), p.accruesInterest());
    }

    public List<Fee> fees() {
        return fee == null ? List.of() : List.of(fee);
    }

    /** The engine's terms for scheduling {@code principal} from {@code start} with the first instalment on {@code firstDue}. */
    public LoanTerms terms(BigDecimal principal, String currency, LocalDate start, LocalDate firstDue) {
        return new LoanTerms(principal, currency, method, ratePercent, ratePeriod, instalments, frequency, start, firstDue,
                graceOnPrincipal, graceOnInterest, dayCount, instalmentRounding);
    }
}
