package org.lumbung.audit;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEvent(long id, Instant at, Long cooperativeId, String actor, String clientAddress, String action,
                         String outcome, String summary) {
}
