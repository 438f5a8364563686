package org.lumbung.loans.schedule;

import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The amount that closes a loan early (prepayment, pelunasan dipercepat).
 *
 * <p>principal = total principal − principal repaid. Interest earned by the date = the scheduled interest of
 * every instalment due on or before the date, plus the current period's (the first instalment due after the
 * date) interest, once that period has begun (a payoff on a due date or on the disbursement date owes none of
 * the next period): in full under {@link PrepaymentRule#CURRENT_PERIOD_INTEREST}, or under
 * {@link PrepaymentRule#INTEREST_TO_PAYMENT_DATE} its pro-rata share
 * round(I × days(periodStart, date) / days(periodStart, dueDate)) by the product's day count. Interest owed =
 * earned − interest repaid, never below zero (interest repaid in advance is not refunded here). Plus fees and
 * penalties outstanding.
 */
public final class Payoff {

    private Payoff() {
    }

    public static PayoffQuote amount(LoanState state, LocalDate date, PrepaymentRule rule, DayCount dayCount) {
        Schedule schedule = state.schedule();
        String currency = schedule.currency();
        DomainException.require(!date.isBefore(state.disbursementDate()), "loans.schedule.payoff.before-disbursement",
                date, state.disbursementDate());
        BigDecimal earned = BigDecimal.ZERO;
        LocalDate periodStart = state.disbursementDate();
        for (Instalment i : schedule.instalments()) {
            if (!i.dueDate().isAfter(date)) {
                earned = earned.add(i.interest());
                periodStart = i.dueDate();
                continue;
            }
            if (date.isAfter(periodStart)) {
                earned = earned.add(rule == PrepaymentRule.CURRENT_PERIOD_INTEREST ? i.interest()
                        : proRata(i.interest(), dayCount.days(periodStart, date), dayCount.days(periodStart, i.dueDate()),
                        currency));
            }
            break;
        }
        BigDecimal principal = schedule.totalPrincipal().subtract(state.principalPaid());
        BigDecimal interest = earned.subtract(state.interestPaid()).max(BigDecimal.ZERO);
        return quote(currency, principal, interest, state.feesOutstanding(), state.penaltyOutstanding());
    }

    private static BigDecimal proRata(BigDecimal interest, long elapsed, long period, String currency) {
        if (period <= 0) {
            return interest;
        }
        return interest.multiply(BigDecimal.valueOf(Math.min(period, Math.max(0, elapsed))))
                .divide(BigDecimal.valueOf(period), Amounts.minorUnits(currency), Amounts.ROUNDING);
    }

    private static PayoffQuote quote(String currency, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                                     BigDecimal penalty) {
        int digits = Amounts.minorUnits(currency);
        BigDecimal p = principal.setScale(digits, Amounts.ROUNDING);
        BigDecimal i = interest.setScale(digits, Amounts.ROUNDING);
        BigDecimal f = fees.setScale(digits, Amounts.ROUNDING);
        BigDecimal pen = penalty.setScale(digits, Amounts.ROUNDING);
        return new PayoffQuote(currency, p, i, f, pen, p.add(i).add(f).add(pen));
    }
}
