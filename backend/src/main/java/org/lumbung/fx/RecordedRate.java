package org.lumbung.fx;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What recording one rate did: {@link Outcome#RECORDED} (in use from now on), {@link Outcome#PENDING} (too far
 * from the last known rate: waits for a chair's confirmation, not used until then) or {@link Outcome#UNCHANGED}
 * (the same rate was already recorded for that day). {@code previous} is the last known rate it was compared with.
 */
public record RecordedRate(long id, String currency, LocalDate rateDate, BigDecimal rate, String source,
                           Outcome outcome, @Nullable BigDecimal previous) {

    public enum Outcome { RECORDED, PENDING, UNCHANGED }
}
