package org.lumbung.loans;

import org.lumbung.loans.schedule.Allocation;

import java.math.BigDecimal;

/** How a repayment would split, shown before it is saved, and what the loan's principal would be after it. */
public record RepaymentPreview(Allocation allocation, BigDecimal outstandingBefore, BigDecimal outstandingAfter) {
}
