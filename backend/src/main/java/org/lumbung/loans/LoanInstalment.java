package org.lumbung.loans;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of a loan's schedule (of one schedule version): what is due and what was paid, by component. */
public record LoanInstalment(int scheduleVersion, int number, LocalDate dueDate, BigDecimal principalDue,
                         BigDecimal interestDue, BigDecimal feeDue, BigDecimal penaltyDue, BigDecimal principalPaid,
                         BigDecimal interestPaid, BigDecimal feePaid, BigDecimal penaltyPaid, BigDecimal interestWaived,
                         State state, @Nullable LocalDate paidOn) {

    public enum State { DUE, OVERDUE, PAID, SUPERSEDED }

    public BigDecimal outstanding() {
        return principalDue.subtract(principalPaid).add(interestDue).subtract(interestPaid).subtract(interestWaived)
                .add(feeDue).subtract(feePaid).add(penaltyDue).subtract(penaltyPaid);
    }
}
