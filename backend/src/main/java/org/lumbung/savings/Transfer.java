package org.lumbung.savings;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money moved between two accounts of the same member, e.g. mandatory dues paid from voluntary savings. */
public record Transfer(long fromAccountId, long toAccountId, BigDecimal amount, LocalDate valueDate, @Nullable String note,
                       String idempotencyKey) {
}
