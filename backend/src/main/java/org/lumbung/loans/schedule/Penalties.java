package org.lumbung.loans.schedule;

import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The late-payment penalty of one overdue instalment. Cumulative and pure: {@code forOverdue} answers the whole
 * penalty an instalment has earned by a date, so a nightly close books the difference to what it booked before,
 * and running a day twice books nothing twice.
 */
public final class Penalties {

    private static final int DAYS_IN_PENALTY_MONTH = 30;

    private Penalties() {
    }

    /**
     * The penalty on {@code overdue} (what is unpaid of an instalment due on {@code dueDate}) as of {@code asOf}.
     * Days late = actual days from the due date to asOf; none of them count while they are within the grace days,
     * and only the days beyond the grace count after: chargeable = daysLate − graceDays.
     * <ul>
     *   <li>PERCENT_PER_DAY: overdue × value/100 × chargeable;</li>
     *   <li>PERCENT_PER_MONTH: overdue × value/100 × ⌈chargeable / 30⌉ (each started month);</li>
     *   <li>FIXED: value, once chargeable &gt; 0.</li>
     * </ul>
     * Then at most the cap; rounded once, HALF_EVEN, to the currency's minor units.
     */
    public static BigDecimal forOverdue(BigDecimal overdue, String currency, LocalDate dueDate, LocalDate asOf,
                                        PenaltyRule rule) {
        int digits = Amounts.minorUnits(currency);
        long chargeable = ChronoUnit.DAYS.between(dueDate, asOf) - rule.graceDays();
        if (chargeable <= 0 || overdue.signum() <= 0) {
            return BigDecimal.ZERO.setScale(digits);
        }
        BigDecimal raw = switch (rule.kind()) {
            case PERCENT_PER_DAY -> percentOf(overdue, rule.value()).multiply(BigDecimal.valueOf(chargeable));
            case PERCENT_PER_MONTH -> percentOf(overdue, rule.value())
                    .multiply(BigDecimal.valueOf(ceilDiv(chargeable, DAYS_IN_PENALTY_MONTH)));
            case FIXED -> rule.value();
        };
        BigDecimal capped = rule.cap() == null ? raw : raw.min(rule.cap());
        return capped.setScale(digits, Amounts.ROUNDING);
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).movePointLeft(2);
    }

    private static long ceilDiv(long a, long b) {
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 0, RoundingMode.CEILING).longValueExact();
    }
}
