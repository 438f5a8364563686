package org.lumbung.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical encoding is a published format: auditors may recompute it with their own tools. */
class EntryFingerprintTest {

    static EntryFingerprint.Content content(String description, String accountCode) {
        return new EntryFingerprint.Content(1, 1, "deposit-0001", LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27),
                description, "MANUAL", null, null, null, "treasurer", Instant.parse("2026-11-27T03:04:05.123456Z"),
                List.of(new EntryFingerprint.Line(1, "1100", Side.DEBIT, new BigDecimal("150000.00"), "IDR"),
                        new EntryFingerprint.Line(2, accountCode, Side.CREDIT, new BigDecimal("150000.00"), "IDR")));
    }

    @Test
    void theHashIsSha256OverThePreviousHashAndTheDocumentedText() {
        String text = EntryFingerprint.GENESIS + "\n" + """
                lumbung-entry-v1
                cooperative=1
                sequence=1
                key=deposit-0001
                booking_date=2026-11-27
                value_date=2026-11-27
                description=Setoran sukarela
                source_type=MANUAL
                source_ref=\\N
                reverses=\\N
                reason=\\N
                created_by=treasurer
                created_at=2026-11-27T03:04:05.123456Z
                line=1|1100|D|150000.00|IDR
                line=2|2100|C|150000.00|IDR
                """;
        assertThat(EntryFingerprint.hash(EntryFingerprint.GENESIS, content("Setoran sukarela", "2100")))
                .isEqualTo(org.lumbung.platform.Hashes.sha256Hex(text));
    }

    @Test
    void escapingKeepsDifferentContentApart() {
        String plain = EntryFingerprint.hash(EntryFingerprint.GENESIS, content("a\nline=9|x", "2100"));
        String other = EntryFingerprint.hash(EntryFingerprint.GENESIS, content("a", "2100"));
        assertThat(plain).isNotEqualTo(other).matches("[0-9a-f]{64}");
        assertThat(EntryFingerprint.hash(EntryFingerprint.GENESIS, content("\\N", "2100")))
                .isNotEqualTo(EntryFingerprint.hash(EntryFingerprint.GENESIS, content("N", "2100")));
        assertThat(EntryFingerprint.hash("1".repeat(64), content("a", "2100"))).isNotEqualTo(other);
    }

    @Test
    void requestsCompareAmountsByValue() {
        List<PostingLine> a = List.of(PostingLine.debit("1100", new BigDecimal("150000")), PostingLine.credit("2100", new BigDecimal("150000")));
        List<PostingLine> b = List.of(PostingLine.debit("1100", new BigDecimal("150000.00")), PostingLine.credit("2100", new BigDecimal("150000.0")));
        LocalDate day = LocalDate.of(2026, 11, 27);
        assertThat(EntryFingerprint.requestHash(day, "d", "MANUAL", null, null, a))
                .isEqualTo(EntryFingerprint.requestHash(day, "d", "MANUAL", null, null, b))
                .isNotEqualTo(EntryFingerprint.requestHash(day, "d", "MANUAL", "ref", null, b));
    }
}
