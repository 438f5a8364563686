package org.lumbung.loans.schedule;

import java.math.BigDecimal;
import java.util.List;

/**
 * A repayment schedule: its instalments in order, and their totals. The principal parts sum exactly to the
 * principal lent.
 */
public record Schedule(String currency, List<Instalment> instalments, BigDecimal totalPrincipal,
                       BigDecimal totalInterest) {

    public Schedule {
        instalments = List.copyOf(instalments);
    }

    /** Principal plus interest: everything the borrower repays by the schedule. */
    public BigDecimal totalRepayment() {
        return totalPrincipal.add(totalInterest);
    }
}
