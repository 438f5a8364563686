package org.lumbung.loans;

import org.jspecify.annotations.Nullable;
import org.lumbung.loans.schedule.AllocationOrder;

import java.time.LocalDate;

/**
 * A new schedule for what a loan still owes: its outstanding principal over {@code instalments}, first due
 * on {@code firstDueDate}, from {@code valueDate}; unpaid interest, fees and penalties of the old schedule
 * are carried into the new first instalment. {@code allocationOrder} null keeps the loan's (an overdue
 * restructure usually takes PRINCIPAL_FIRST).
 */
public record Reschedule(LocalDate valueDate, int instalments, LocalDate firstDueDate, @Nullable AllocationOrder allocationOrder,
                         String reason, String idempotencyKey) {
}
