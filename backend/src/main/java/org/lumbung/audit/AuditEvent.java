package org.lumbung.audit;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One line of the audit log; {@code cooperativeCode} is null for rows of no cooperative (sign-ins of the
 * administrator and district auditors, failed sign-ins of unknown names), {@code actorName} the person's
 * display name when the actor is a sign-in of Lumbung.
 */
public record AuditEvent(long id, Instant at, @Nullable Long cooperativeId, String actor, @Nullable String clientAddress,
                         String action, String outcome, String summary, @Nullable String cooperativeCode,
                         @Nullable String actorName) {
}
