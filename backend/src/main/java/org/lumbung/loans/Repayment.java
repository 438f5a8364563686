package org.lumbung.loans;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money a borrower pays on a loan (a repayment, a payoff or a recovery), in cash or from the linked savings. */
public record Repayment(BigDecimal amount, LocalDate valueDate, Channel channel, @Nullable String note, String idempotencyKey) {
}
