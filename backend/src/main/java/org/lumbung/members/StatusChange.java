package org.lumbung.members;

import java.time.Instant;
import java.time.LocalDate;

/** One step of a member's status history: what, from when, why, and who recorded it. */
public record StatusChange(MemberStatus status, LocalDate effectiveOn, String reason, String recordedBy, Instant recordedAt) {
}
