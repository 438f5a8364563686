package org.lumbung.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A rate to record: units of the cooperative's currency per one {@code currency}, for one day, from a source. */
public record NewRate(String currency, LocalDate rateDate, BigDecimal rate, String source) {
}
