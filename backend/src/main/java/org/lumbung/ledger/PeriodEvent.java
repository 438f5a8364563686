package org.lumbung.ledger;

import java.time.Instant;
import java.time.YearMonth;

/** An entry of the append-only log of period closings and reopenings. */
public record PeriodEvent(YearMonth month, String action, String reason, String actor, Instant at) {
}
