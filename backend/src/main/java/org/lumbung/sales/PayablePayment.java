package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Paying (part of) what a purchase owes: in cash, or into the supplying member's voluntary savings. */
public record PayablePayment(long purchaseId, BigDecimal amount, Channel channel, @Nullable LocalDate valueDate, String idempotencyKey) {

    public enum Channel { CASH, SAVINGS }
}
