package org.lumbung.savings;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A balance held in a foreign currency valued in the cooperative's: {@code value} in {@code currency} at {@code rate}
 * (units of the cooperative's currency per one of the foreign), the rate recorded for {@code rateDate}.
 */
public record ValueAtRate(BigDecimal value, String currency, BigDecimal rate, LocalDate rateDate, boolean stale) {
}
