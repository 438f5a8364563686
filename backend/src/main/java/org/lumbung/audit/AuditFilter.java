package org.lumbung.audit;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the audit log is narrowed to. {@code cooperativeId} null means every row the reader may see
 * (row-level security decides: the administrator all, a district auditor her district's and her own, staff
 * their cooperative's and their own); {@code person} a part of the user name, {@code action} one action key,
 * {@code from}/{@code to} days (both included) in {@code zone}; {@code text} a part of any column.
 */
public record AuditFilter(@Nullable Long cooperativeId, @Nullable String person, @Nullable String action,
                          @Nullable LocalDate from, @Nullable LocalDate to, ZoneId zone, @Nullable String text) {

    static final int MAX_TEXT = 100;

    public AuditFilter {
        DomainException.require(zone != null, "audit.filter.zone");
        DomainException.require(fits(person) && fits(text), "ledger.filter.text.too-long");
        DomainException.require(action == null || action.isBlank() || action.matches("[A-Z_]{2,64}"),
                "audit.filter.action", String.valueOf(action));
        DomainException.require(from == null || to == null || !to.isBefore(from), "audit.filter.dates");
    }

    public static AuditFilter text(@Nullable Long cooperativeId, @Nullable String text) {
        return new AuditFilter(cooperativeId, null, null, null, null, ZoneId.of("UTC"), text);
    }

    private static boolean fits(@Nullable String value) {
        return value == null || value.strip().length() <= MAX_TEXT;
    }
}
