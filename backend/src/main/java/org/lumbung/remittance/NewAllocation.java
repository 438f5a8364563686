package org.lumbung.remittance;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * One part of a remittance as entered: its kind, the amount in the cooperative's currency and, for savings, the
 * account's number ({@code 2100.00042}), for a loan repayment the loan's number; null for cash and fee.
 */
public record NewAllocation(AllocationKind kind, BigDecimal amount, @Nullable String account) {
}
