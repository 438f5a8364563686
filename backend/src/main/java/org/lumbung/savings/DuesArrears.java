package org.lumbung.savings;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * A member behind on mandatory savings as of a date: {@code due} is the monthly amount times the months
 * whose dues had fallen due ({@link DuesRule}), {@code paid} what the mandatory account
 * received up to that date.
 */
public record DuesArrears(long memberId, int memberNumber, String fullName, @Nullable String village, @Nullable String phone,
                          int monthsDue, BigDecimal due, BigDecimal paid, BigDecimal arrears, int monthsBehind,
                          String currency) {
}
