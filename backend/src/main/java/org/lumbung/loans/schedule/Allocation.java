package org.lumbung.loans.schedule;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one repayment splits: per instalment ({@code parts}, only the instalments it touches, oldest first), the
 * totals by component, and the excess that nothing outstanding could take (an overpayment, e.g. for savings
 * or a refund). {@code penalty + fees + interest + principal + excess} is exactly the payment.
 */
public record Allocation(String currency, List<AllocatedPart> parts, BigDecimal penalty, BigDecimal fees,
                         BigDecimal interest, BigDecimal principal, BigDecimal excess) {

    public Allocation {
        parts = List.copyOf(parts);
    }
}
