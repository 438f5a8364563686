package org.lumbung.ledger;

import org.junit.jupiter.api.Test;
import org.lumbung.platform.Hashes;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical encoding is a published format: auditors may recompute it with their own tools. The
 * golden vectors of docs/ledger.md are read from the document itself, so the code and the document
 * cannot drift apart.
 */
class EntryFingerprintTest {

    private static final Pattern VECTOR = Pattern.compile(
            "#### Vector (\\d+)[^\\n]*\\n(?:[^\\n]*\\n)*?prev_hash `([0-9a-f]{64})`\\n\\n```canonical\\n(.*?)```\\n\\nhash `([0-9a-f]{64})`",
            Pattern.DOTALL);

    private static List<EntryFingerprint.Line> deposit() {
        return List.of(new EntryFingerprint.Line(1, "1100", Side.DEBIT, new BigDecimal("150000.00"), "IDR"),
                new EntryFingerprint.Line(2, "2100", Side.CREDIT, new BigDecimal("150000.00"), "IDR"));
    }

    private static EntryFingerprint.Content depositV2() {
        return new EntryFingerprint.Content(2, 41, "ngrupit", 1, "deposit-0001", LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 11, 27), "Setoran sukarela", "MANUAL", null, null, null, null, "treasurer",
                Instant.parse("2026-11-27T03:04:05Z"), deposit());
    }

    /** The inputs of the documented vectors, by number. */
    private static Map<Integer, EntryFingerprint.Content> vectorInputs() {
        Map<Integer, EntryFingerprint.Content> inputs = new LinkedHashMap<>();
        inputs.put(1, depositV2());
        inputs.put(2, new EntryFingerprint.Content(2, 41, "ngrupit", 2, "approval-7", LocalDate.of(2026, 11, 28),
                LocalDate.of(2026, 11, 28), "Reversal of #1: Setoran | Bu Sri\nsecond line \\ end", "REVERSAL", "1",
                9001L, 1L, "wrong member", "treasurer+chair", Instant.parse("2026-11-28T10:00:00.123Z"),
                List.of(new EntryFingerprint.Line(1, "1100", Side.CREDIT, new BigDecimal("150000.00"), "IDR"),
                        new EntryFingerprint.Line(2, "2100", Side.DEBIT, new BigDecimal("150000.00"), "IDR"),
                        new EntryFingerprint.Line(3, "1100-USD", Side.DEBIT, new BigDecimal("12.5"), "USD"),
                        new EntryFingerprint.Line(4, "2100-USD", Side.CREDIT, new BigDecimal("12.50"), "USD"))));
        inputs.put(3, new EntryFingerprint.Content(1, 1, null, 1, "deposit-0001", LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 11, 27), "Setoran sukarela", "MANUAL", null, null, null, null, "treasurer",
                Instant.parse("2026-11-27T03:04:05Z"), deposit()));
        return inputs;
    }

    @Test
    void theCodeMatchesExactlyTheGoldenVectorsOfTheDocumentation() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "ledger.md"));
        Map<Integer, EntryFingerprint.Content> inputs = vectorInputs();
        Matcher m = VECTOR.matcher(doc);
        int found = 0;
        while (m.find()) {
            found++;
            EntryFingerprint.Content input = inputs.get(Integer.parseInt(m.group(1)));
            assertThat(input).as("vector %s is known to the test", m.group(1)).isNotNull();
            String prevHash = m.group(2);
            String text = m.group(3);
            String hash = m.group(4);
            assertThat(EntryFingerprint.canonical(input)).as("canonical text of vector %s", m.group(1)).isEqualTo(text);
            assertThat(EntryFingerprint.hash(prevHash, input)).as("hash of vector %s", m.group(1)).isEqualTo(hash);
            // what an auditor computes with sha256sum from the document alone
            assertThat(Hashes.sha256Hex(prevHash + "\n" + text)).isEqualTo(hash);
        }
        assertThat(found).as("vectors in docs/ledger.md").isEqualTo(inputs.size());
    }

    @Test
    void version2IgnoresDatabaseIdsAndPinsTimeAndAmountWidths() {
        EntryFingerprint.Content a = depositV2();
        EntryFingerprint.Content otherIds = new EntryFingerprint.Content(2, 7777, "ngrupit", 1, "deposit-0001",
                a.bookingDate(), a.valueDate(), a.description(), a.sourceType(), null, null, null, null, a.createdBy(),
                a.createdAt(), List.of(new EntryFingerprint.Line(1, "1100", Side.DEBIT, new BigDecimal("150000"), "IDR"),
                        new EntryFingerprint.Line(2, "2100", Side.CREDIT, new BigDecimal("150000.0000"), "IDR")));
        assertThat(EntryFingerprint.hash(EntryFingerprint.GENESIS, otherIds))
                .isEqualTo(EntryFingerprint.hash(EntryFingerprint.GENESIS, a));
        assertThat(EntryFingerprint.canonical(a)).contains("created_at=2026-11-27T03:04:05.000000Z\n");
        EntryFingerprint.Content otherCode = new EntryFingerprint.Content(2, 41, "sumbersari", 1, "deposit-0001",
                a.bookingDate(), a.valueDate(), a.description(), a.sourceType(), null, null, null, null, a.createdBy(),
                a.createdAt(), a.lines());
        assertThat(EntryFingerprint.hash(EntryFingerprint.GENESIS, otherCode))
                .isNotEqualTo(EntryFingerprint.hash(EntryFingerprint.GENESIS, a));
    }

    @Test
    void escapingKeepsDifferentContentApart() {
        String plain = hashOf("a\nline=9|x");
        String other = hashOf("a");
        assertThat(plain).isNotEqualTo(other).matches("[0-9a-f]{64}");
        assertThat(hashOf("\\N")).isNotEqualTo(hashOf("N"));
        assertThat(EntryFingerprint.hash("1".repeat(64), depositV2())).isNotEqualTo(hashOf("Setoran sukarela"));
    }

    private static String hashOf(String description) {
        EntryFingerprint.Content a = depositV2();
        return EntryFingerprint.hash(EntryFingerprint.GENESIS, new EntryFingerprint.Content(2, 41, "ngrupit", 1,
                "deposit-0001", a.bookingDate(), a.valueDate(), description, "MANUAL", null, null, null, null,
                "treasurer", a.createdAt(), a.lines()));
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
