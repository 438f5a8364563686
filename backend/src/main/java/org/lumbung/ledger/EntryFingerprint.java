package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.Hashes;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The canonical encodings of a journal entry and its SHA-256 link in the chain (docs/ledger.md, with golden
 * test vectors that {@code EntryFingerprintTest} checks this code against):
 *
 * <pre>
 * hash = hex(SHA-256(UTF-8(prev_hash + "\n" + canonical(entry))))
 * canonical(entry) = "lumbung-entry-v" version "\n" + one "name=value\n" per field, in this order:
 *   cooperative, sequence, key, booking_date, value_date, description, source_type, source_ref,
 *   reverses, reason, created_by, created_at, then per line in line order
 *   "line=" no "|" account code "|" D or C "|" amount "|" currency
 * </pre>
 *
 * <p>Version 2 (every new entry) uses business keys only, so the chain survives an export and import that
 * renumbers the database ids: cooperative = the cooperative's code, reverses = the reversed entry's
 * sequence; created_at = UTC with exactly six fraction digits ({@code 2026-11-27T03:04:05.000000Z});
 * amount = a plain decimal with exactly four fraction digits, the ledger's storage scale, whatever the
 * currency (nothing depends on a currency table that may change between Java versions).
 *
 * <p>Version 1 (entries posted before) hashed the database ids, {@code Instant.toString()} (0, 3 or 6
 * fraction digits) and amounts with the currency's minor units; it is kept only to verify those entries.
 *
 * <p>In values, a backslash is written "\\", a line break "\n", a carriage return "\r", a "|" "\p", and an
 * absent value "\N". The genesis prev_hash of every cooperative is 64 zeros.
 */
public final class EntryFingerprint {

    public static final String GENESIS = "0".repeat(64);
    /** The version every new entry is sealed with. */
    public static final short CURRENT_VERSION = 2;
    /** Fraction digits of every version 2 amount: the scale of journal_line.amount. */
    static final int V2_AMOUNT_SCALE = 4;
    private static final DateTimeFormatter V2_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EntryFingerprint() {
    }

    /**
     * The fields the chain covers; lines must be in line order. Each version reads the identifiers it
     * hashes: version 1 the database ids, version 2 the cooperative code and the reversed entry's sequence.
     */
    public record Content(int version, long cooperativeId, @Nullable String cooperativeCode, long sequence,
                          @Nullable String idempotencyKey, LocalDate bookingDate, LocalDate valueDate,
                          @Nullable String description, @Nullable String sourceType, @Nullable String sourceRef,
                          @Nullable Long reversesEntryId, @Nullable Long reversesSequence, @Nullable String reversalReason,
                          @Nullable String createdBy, Instant createdAt, List<Line> lines) {

        public Content {
            if (version != 1 && version != 2) {
                throw new IllegalArgumentException("unknown hash version " + version);
            }
            if (version == 2 && (cooperativeCode == null || (reversesEntryId != null && reversesSequence == null))) {
                throw new IllegalArgumentException("version 2 hashes the cooperative code and the reversed sequence");
            }
            lines = List.copyOf(lines);
        }
    }

    /** A line; version 1 hashes the amount as given (the caller normalises it), version 2 at scale four. */
    public record Line(int lineNo, String accountCode, Side side, BigDecimal amount, String currency) {
    }

    public static String hash(String prevHash, Content c) {
        return chained(prevHash, canonical(c));
    }

    /** The hash of an entry whose {@link #canonical} text is already written: the previous hash, a line break, the text. */
    static String chained(String prevHash, String canonical) {
        return Hashes.sha256Hex(prevHash + "\n" + canonical);
    }

    /** The text that is hashed after the previous hash and a line break. */
    public static String canonical(Content c) {
        boolean v2 = c.version() == 2;
        StringBuilder s = new StringBuilder(256 + 64 * c.lines().size());
        s.append("lumbung-entry-v").append(c.version()).append('\n');
        field(s, "cooperative", v2 ? c.cooperativeCode() : Long.toString(c.cooperativeId()));
        field(s, "sequence", Long.toString(c.sequence()));
        field(s, "key", c.idempotencyKey());
        field(s, "booking_date", c.bookingDate().toString());
        field(s, "value_date", c.valueDate().toString());
        field(s, "description", c.description());
        field(s, "source_type", c.sourceType());
        field(s, "source_ref", c.sourceRef());
        Long reverses = v2 ? c.reversesSequence() : c.reversesEntryId();
        field(s, "reverses", reverses == null ? null : reverses.toString());
        field(s, "reason", c.reversalReason());
        field(s, "created_by", c.createdBy());
        field(s, "created_at", v2 ? encodedInstant(c.createdAt()) : c.createdAt().truncatedTo(ChronoUnit.MICROS).toString());
        for (Line line : c.lines()) {
            String amount = v2 ? v2Amount(line.amount()) : line.amount().toPlainString();
            s.append("line=").append(line.lineNo()).append('|').append(escape(line.accountCode())).append('|')
                    .append(line.side().code()).append('|').append(amount).append('|')
                    .append(line.currency()).append('\n');
        }
        return s.toString();
    }

    /** Exactly four fraction digits; an amount with more (only a tampered row could have them) is hashed as is. */
    private static String v2Amount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() <= V2_AMOUNT_SCALE ? amount.setScale(V2_AMOUNT_SCALE, RoundingMode.UNNECESSARY)
                : stripped).toPlainString();
    }

    /**
     * The fingerprint of a request's content, for idempotency: what the client asked for, not when or by
     * whom. Amounts compare by value (150000 equals 150000.00).
     */
    public static String requestHash(@Nullable LocalDate valueDate, @Nullable String description, String sourceType,
                                     @Nullable String sourceRef, @Nullable Long reversesEntryId, List<PostingLine> lines) {
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

    private static void field(StringBuilder s, String name, @Nullable String value) {
        s.append(name).append('=').append(encoded(value)).append('\n');
    }

    /**
     * A field's value as the canonical text writes it (escaped; "\N" when absent): what an audit pack's journal
     * holds, so that an outside verifier hashes exactly these characters.
     */
    public static String encoded(@Nullable String value) {
        return value == null ? "\\N" : escape(value);
    }

    /**
     * A line as version 1 hashed it: the amount with the currency's minor units; an amount altered to more decimals
     * than its currency has still hashes as it is, so it is caught.
     */
    public static Line v1Line(Line l) {
        int digits = Amounts.minorUnits(l.currency());
        BigDecimal stripped = l.amount().stripTrailingZeros();
        BigDecimal hashed = stripped.scale() <= digits ? l.amount().setScale(digits) : stripped;
        return new Line(l.lineNo(), l.accountCode(), l.side(), hashed, l.currency());
    }

    /** A moment as version 2 writes it: UTC, exactly six fraction digits. */
    public static String encodedInstant(Instant at) {
        return V2_INSTANT.format(at.truncatedTo(ChronoUnit.MICROS));
    }

    private static String escape(String value) {
        if (!needsEscape(value)) {
            return value; // nearly every value: spares a copy per field of every entry sealed
        }
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

    private static boolean needsEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' || ch == '\n' || ch == '\r' || ch == '|') {
                return true;
            }
        }
        return false;
    }
}
