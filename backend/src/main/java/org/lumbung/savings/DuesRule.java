package org.lumbung.savings;

import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * When a month's mandatory dues (simpanan wajib) fall due — the one rule behind the dues arrears list and
 * the member's own page. A cooperative pays "by day N of the month" ({@code dueDay}, 1–31; a month shorter
 * than N falls due on its last day, so 31 means "by the last day", the default). A member is behind on a
 * month only from the day after its due day. A member owes from the month of joining when she joined on or
 * before that month's due day, otherwise from the next month: nobody is behind on the day they join.
 */
public record DuesRule(int dueDay) {

    public static final int LAST_DAY = 31;

    public DuesRule {
        DomainException.require(dueDay >= 1 && dueDay <= LAST_DAY, "cooperative.dues-day.invalid");
    }

    /** The last day on which the month's dues are paid in time. */
    public LocalDate dueDate(YearMonth month) {
        return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
    }

    /** The first month a member who joined on that day owes. */
    public YearMonth firstMonth(LocalDate joinedOn) {
        YearMonth joined = YearMonth.from(joinedOn);
        return joinedOn.isAfter(dueDate(joined)) ? joined.plusMonths(1) : joined;
    }

    /** How many months' dues had fallen due by the end of {@code asOf}'s previous day: their due day is before it. */
    public int monthsDue(LocalDate joinedOn, LocalDate asOf) {
        YearMonth first = firstMonth(joinedOn);
        YearMonth lastDue = dueDate(YearMonth.from(asOf)).isBefore(asOf) ? YearMonth.from(asOf) : YearMonth.from(asOf).minusMonths(1);
        return lastDue.isBefore(first) ? 0 : (int) ChronoUnit.MONTHS.between(first, lastDue) + 1;
    }

    /**
     * The due date of the first month not yet paid for: {@code paid} in all so far covers whole months of
     * {@code monthly} from the first month owed. Before today, the member is behind.
     */
    public LocalDate nextDueDate(LocalDate joinedOn, BigDecimal paid, BigDecimal monthly) {
        DomainException.require(paid != null && paid.signum() >= 0 && monthly != null && monthly.signum() > 0, "savings.dues.paid");
        long monthsPaid = paid.divideToIntegralValue(monthly).longValueExact();
        return dueDate(firstMonth(joinedOn).plusMonths(Math.min(monthsPaid, 1_200)));
    }
}
