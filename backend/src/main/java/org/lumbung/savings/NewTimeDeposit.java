package org.lumbung.savings;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Opens a time deposit for a member, paid in cash or, when {@code fundingAccountId} is set, from the
 * member's voluntary savings.
 */
public record NewTimeDeposit(long memberId, long productId, BigDecimal principal, LocalDate valueDate,
                             @Nullable Long fundingAccountId, String idempotencyKey) {
}
