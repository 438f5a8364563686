package org.lumbung.fx;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What a cooperative holds of one foreign currency: {@code held} (its cash, bank and what it converted, less
 * members' savings in it: minus the balance of 1900.CUR) and {@code cost}, the carrying amount in the
 * cooperative's currency (1910.CUR). The carrying rate is their weighted average, cost / held.
 */
public record FxPosition(String currency, BigDecimal held, BigDecimal cost) {

    /** cost / held, 8 decimals; null when nothing is held. */
    public @Nullable BigDecimal carryingRate() {
        return held.signum() == 0 ? null
                : cost.divide(held, MathContext.DECIMAL64).setScale(ExchangeRateService.RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}
