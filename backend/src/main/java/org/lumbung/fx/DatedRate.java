package org.lumbung.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rate as found for a value date: units of the cooperative's currency per one unit of {@code currency},
 * recorded for {@code rateDate} (the value date itself or the last day before it with a rate), up to 8
 * decimals; {@code stale} when that day lies more than the cooperative's staleness limit before the value date.
 */
public record DatedRate(String currency, LocalDate rateDate, BigDecimal rate, String source, boolean stale) {
}
