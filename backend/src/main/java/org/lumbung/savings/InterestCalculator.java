package org.lumbung.savings;

import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.NavigableMap;

/**
 * Interest (jasa simpanan) of one account for one period, from its balance history. Pure arithmetic,
 * no database: the worked examples in the tests are the specification.
 *
 * <p>{@code balanceChanges} maps a value date to the net change of the balance on that day; the opening
 * balance is the balance at the end of the day before the period. Exact decimal arithmetic throughout;
 * the total is rounded once, half-even, to the currency's minor units.
 */
final class InterestCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal MONTHS_IN_YEAR = BigDecimal.valueOf(12);
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private InterestCalculator() {
    }

    static BigDecimal interest(InterestMethod method, BigDecimal yearlyRatePercent, LocalDate periodStart, LocalDate periodEnd,
                               BigDecimal openingBalance, NavigableMap<LocalDate, BigDecimal> balanceChanges, String currency) {
        BigDecimal raw = switch (method) {
            case NONE -> BigDecimal.ZERO;
            case DAILY_BALANCE -> dailyBalance(yearlyRatePercent, periodStart, periodEnd, openingBalance, balanceChanges);
            case MIN_MONTHLY_BALANCE -> minimumMonthlyBalance(yearlyRatePercent, periodStart, periodEnd, openingBalance, balanceChanges);
        };
        BigDecimal rounded = Amounts.round(raw, currency);
        return rounded.signum() > 0 ? rounded : Amounts.round(BigDecimal.ZERO, currency);
    }

    /** Σ over each day of the end-of-day balance × rate / 100 / 365 (actual/365). */
    private static BigDecimal dailyBalance(BigDecimal rate, LocalDate start, LocalDate end, BigDecimal opening,
                                           NavigableMap<LocalDate, BigDecimal> changes) {
        BigDecimal balanceDays = BigDecimal.ZERO;
        BigDecimal balance = opening;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            balance = balance.add(changes.getOrDefault(day, BigDecimal.ZERO));
            if (balance.signum() > 0) {
                balanceDays = balanceDays.add(balance);
            }
        }
        return balanceDays.multiply(rate).divide(HUNDRED.multiply(DAYS_IN_YEAR), PRECISION);
    }

    /** Σ over each month of the lowest balance the month saw (its opening included) × rate / 100 / 12. */
    private static BigDecimal minimumMonthlyBalance(BigDecimal rate, LocalDate start, LocalDate end, BigDecimal opening,
                                                    NavigableMap<LocalDate, BigDecimal> changes) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal balance = opening;
        for (YearMonth month = YearMonth.from(start); !month.atDay(1).isAfter(end); month = month.plusMonths(1)) {
            BigDecimal lowest = balance;
            for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                balance = balance.add(changes.getOrDefault(day, BigDecimal.ZERO));
                lowest = lowest.min(balance);
            }
            if (lowest.signum() > 0) {
                total = total.add(lowest);
            }
        }
        return total.multiply(rate).divide(HUNDRED.multiply(MONTHS_IN_YEAR), PRECISION);
    }
}
