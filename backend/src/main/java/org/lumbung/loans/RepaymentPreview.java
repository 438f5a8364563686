package org.lumbung.loans;

import org.lumbung.loans.schedule.Allocation;

import java.math.BigDecimal;

/**
 * How a repayment would split, shown before it is saved, what the loan's principal would be after it, and whether it
 * pays every open instalment in full (the loan closes with it).
 */
public record RepaymentPreview(Allocation allocation, BigDecimal outstandingBefore, BigDecimal outstandingAfter,
                               boolean closesLoan) {
}
