package org.lumbung.ledger;

import org.lumbung.platform.Hashes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The canonical encoding of a journal entry and its SHA-256 link in the chain (docs/ledger.md):
 *
 * <pre>
 * hash = hex(SHA-256(UTF-8(prev_hash + "\n" + canonical(entry))))
 * canonical(entry) = "lumbung-entry-v1\n" + one "name=value\n" per field, in this order:
 *   cooperative, sequence, key, booking_date, value_date, description, source_type, source_ref,
 *   reverses, reason, created_by, created_at, then per line in line order
 *   "line=" no "|" account code "|" D or C "|" amount "|" currency
 * </pre>
 *
 * Dates are ISO-8601, created_at is the UTC instant in microseconds (what PostgreSQL keeps), amounts are
 * plain decimals with exactly the currency's minor units. In values, a backslash is written "\\", a line
 * break "\n", a carriage return "\r", a "|" "\p", and an absent value "\N". The genesis prev_hash of every
 * cooperative is 64 zeros.
 */
public final class EntryFingerprint {

    public static final String GENESIS = "0".repeat(64);

    private EntryFingerprint() {
    }

    /** The fields the chain covers; lines must be in line order with normalised amounts. */
    public record Content(long cooperativeId, long sequence, String idempotencyKey, LocalDate bookingDate,
                          LocalDate valueDate, String description, String sourceType, String sourceRef,
                          Long reversesEntryId, String reversalReason, String createdBy, Instant createdAt,
                          List<Line> lines) {
    }

    public record Line(int lineNo, String accountCode, Side side, BigDecimal amount, String currency) {
    }

    public static String hash(String prevHash, Content c) {
        StringBuilder s = new StringBuilder(256 + 64 * c.lines().size());
        s.append(prevHash).append('\n').append("lumbung-entry-v1\n");
        field(s, "cooperative", Long.toString(c.cooperativeId()));
        field(s, "sequence", Long.toString(c.sequence()));
        field(s, "key", c.idempotencyKey());
        field(s, "booking_date", c.bookingDate().toString());
        field(s, "value_date", c.valueDate().toString());
        field(s, "description", c.description());
        field(s, "source_type", c.sourceType());
        field(s, "source_ref", c.sourceRef());
        field(s, "reverses", c.reversesEntryId() == null ? null : c.reversesEntryId().toString());
        field(s, "reason", c.reversalReason());
        field(s, "created_by", c.createdBy());
        field(s, "created_at", c.createdAt().truncatedTo(ChronoUnit.MICROS).toString());
        for (Line line : c.lines()) {
            s.append("line=").append(line.lineNo()).append('|').append(escape(line.accountCode())).append('|')
                    .append(line.side().code()).append('|').append(line.amount().toPlainString()).append('|')
                    .append(line.currency()).append('\n');
        }
        return Hashes.sha256Hex(s.toString());
    }

    /**
     * The fingerprint of a request's content, for idempotency: what the client asked for, not when or by
     * whom. Amounts compare by value (150000 equals 150000.00).
     */
    public static String requestHash(LocalDate valueDate, String description, String sourceType, String sourceRef,
                                     Long reversesEntryId, List<PostingLine> lines) {
        StringBuilder s = new StringBuilder("lumbung-request-v1\n");
        field(s, "value_date", valueDate == null ? null : valueDate.toString());
        field(s, "description", description);
        field(s, "source_type", sourceType);
        field(s, "source_ref", sourceRef);
        field(s, "reverses", reversesEntryId == null ? null : reversesEntryId.toString());
        for (PostingLine line : lines) {
            s.append("line=").append(escape(line.accountCode())).append('|').append(line.side().code()).append('|')
                    .append(line.amount().stripTrailingZeros().toPlainString()).append('\n');
        }
        return Hashes.sha256Hex(s.toString());
    }

    private static void field(StringBuilder s, String name, String value) {
        s.append(name).append('=').append(value == null ? "\\N" : escape(value)).append('\n');
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '|' -> out.append("\\p");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
