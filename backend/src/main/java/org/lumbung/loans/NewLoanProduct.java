package org.lumbung.loans;

import org.jspecify.annotations.Nullable;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.Fee;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.PenaltyRule;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;

import java.math.BigDecimal;

/**
 * The settings of a loan product to create or edit; see {@link LoanProduct}. {@code instalmentRounding} null
 * means the currency's cash unit, {@code allocationOrder} null the default (penalty → fees → interest →
 * principal per instalment), {@code prepaymentRule} null interest to the payment date.
 */
public record NewLoanProduct(String code, String nameEn, String nameId, String currency, InterestMethod interestMethod,
                             BigDecimal interestRate, RatePeriod ratePeriod, RepaymentFrequency frequency,
                             int minInstalments, int maxInstalments, BigDecimal minAmount, BigDecimal maxAmount,
                             int graceOnPrincipal, int graceOnInterest, DayCount dayCount, @Nullable BigDecimal instalmentRounding,
                             @Nullable Fee fee, @Nullable PenaltyRule penalty, @Nullable AllocationOrder allocationOrder,
                             @Nullable PrepaymentRule prepaymentRule,
                             boolean accruesInterest, int maxActiveLoans, @Nullable BigDecimal requiredSavingsPercent) {
}
