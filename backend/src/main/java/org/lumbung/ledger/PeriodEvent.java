package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.YearMonth;

/** An entry of the append-only log of period closings and reopenings. */
public record PeriodEvent(YearMonth month, String action, @Nullable String reason, String actor, Instant at) {
}
