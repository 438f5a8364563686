package org.lumbung.savings;

import java.math.BigDecimal;

/** The interest one account earned in a period (before posting: a preview; after: what was posted). */
public record InterestLine(long accountId, String accountNumber, long memberId, BigDecimal interest) {
}
