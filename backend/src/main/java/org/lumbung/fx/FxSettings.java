package org.lumbung.fx;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * A cooperative's currency settings: a rate more than {@code staleAfterDays} days older than the value date
 * it serves warns; an entered rate more than {@code outlierPercent} % from the last known one waits for a
 * chair; cash paid out in the cooperative's currency is rounded to {@code cashMinorUnits} decimals (0 = whole
 * rupiah; null = the currency's own minor units).
 */
public record FxSettings(int staleAfterDays, BigDecimal outlierPercent, @Nullable Integer cashMinorUnits) {

    public static final FxSettings DEFAULTS = new FxSettings(5, new BigDecimal("5"), null);
}
