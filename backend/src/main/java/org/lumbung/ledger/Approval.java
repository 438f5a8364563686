package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.YearMonth;

/** A request waiting for (or decided by) a second person: who asked, when, why, and what came of it. */
public record Approval(long id, long cooperativeId, Kind kind, @Nullable Long entryId, @Nullable YearMonth month,
                       String reason, String requestedBy, Instant requestedAt, Status status, @Nullable String decidedBy,
                       @Nullable Instant decidedAt, @Nullable String decisionNote, @Nullable String outcome) {

    public enum Kind { REVERSAL, PERIOD_REOPEN }

    public enum Status { PENDING, APPROVED, REJECTED }
}
