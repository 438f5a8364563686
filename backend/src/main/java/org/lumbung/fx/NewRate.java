package org.lumbung.fx;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rate to record: units of the cooperative's currency per one {@code currency}, for one day, from a source. As
 * entered, the currency and the day may be missing; {@link ExchangeRateService#record} refuses those.
 */
public record NewRate(@Nullable String currency, @Nullable LocalDate rateDate, BigDecimal rate, String source) {
}
