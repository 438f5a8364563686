package org.lumbung.savings;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A deposit, withdrawal or fee on one account. The idempotency key is made when the form opens: saving
 * twice (a double click, a retry after a lost answer) books once.
 */
public record Movement(long accountId, BigDecimal amount, LocalDate valueDate, @Nullable String note, String idempotencyKey) {
}
