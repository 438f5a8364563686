package org.lumbung.loans.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a repayment settles of one instalment, by component. */
public record AllocatedPart(int instalment, LocalDate dueDate, BigDecimal penalty, BigDecimal fees,
                            BigDecimal interest, BigDecimal principal) {

    public BigDecimal total() {
        return penalty.add(fees).add(interest).add(principal);
    }
}
