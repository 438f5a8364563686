package org.lumbung.loans.closing;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a cooperative's close of business stands: the business date (the next day to close), today on the
 * wall clock, the days missed (closed by a catch-up) and the last close run.
 */
public record CloseStatus(LocalDate businessDate, LocalDate today, int daysBehind, Optional<CloseRun> lastRun) {
}
