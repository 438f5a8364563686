package org.lumbung.remittance;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * A part of a booked remittance. For cash, {@code cashPaid} is what left the cash box after the cooperative's cash
 * rounding (the difference to {@code amount} is its own line of the entry); {@code reference} is the savings
 * account's or the loan's number.
 */
public record Allocation(int lineNo, AllocationKind kind, BigDecimal amount, @Nullable BigDecimal cashPaid,
                         @Nullable Long savingsAccountId, @Nullable Long loanId, @Nullable String reference) {
}
