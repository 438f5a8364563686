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
import java.util.Locale;

/**
 * A loan product of a cooperative: everything a loan of it copies at application. {@code fee} and
 * {@code penalty} are null when the product has none; {@code requiredSavingsPercent} of the amount lent must
 * be held in the borrower's linked voluntary savings, blocked until the loan is repaid.
 */
public record LoanProduct(long id, long cooperativeId, String code, String nameEn, String nameId, String currency,
                          InterestMethod interestMethod, BigDecimal interestRate, RatePeriod ratePeriod,
                          RepaymentFrequency frequency, int minInstalments, int maxInstalments, BigDecimal minAmount,
                          BigDecimal maxAmount, int graceOnPrincipal, int graceOnInterest, DayCount dayCount,
                          BigDecimal instalmentRounding, @Nullable Fee fee, @Nullable PenaltyRule penalty, AllocationOrder allocationOrder,
                          PrepaymentRule prepaymentRule, boolean accruesInterest, int maxActiveLoans,
                          BigDecimal requiredSavingsPercent, boolean active) {

    public String name(@Nullable Locale locale) {
        return locale != null && "id".equals(locale.getLanguage()) ? nameId : nameEn;
    }
}
