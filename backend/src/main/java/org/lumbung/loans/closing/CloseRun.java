package org.lumbung.loans.closing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One close of business: its date, the last step committed of {@link CloseOfBusiness#STEPS}, who started
 * it and when, and what it found and booked (active loans, late loans, penalties, interest accrued).
 */
public record CloseRun(long cooperativeId, LocalDate businessDate, int step, boolean done, String startedBy,
                       OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt, int loans, int overdueLoans,
                       BigDecimal penalties, BigDecimal accrued) {
}
