package org.lumbung.auditpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.EntryFingerprint;
import org.lumbung.ledger.Side;
import org.lumbung.platform.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The checks of the standalone verifier (docs/audit-pack.md), done by Lumbung itself on a pack it imports: the files
 * against the manifest's digests, every fingerprint recomputed by the ledger's own encoder, the trial balance
 * recomputed from the journal, and a checkpoint that must lie on the chain. Streams the journal: memory is bounded by
 * the chart of accounts. The first problem refuses the pack with a translated message naming it.
 */
final class PackCheck {

    /** What a verified pack says about itself. */
    record Verified(String cooperativeCode, LocalDate from, LocalDate to, PackHead head, @Nullable LocalDate lastBooking,
                    long lines) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZipFile zip;
    private @Nullable JsonNode manifest;

    PackCheck(ZipFile zip) {
        this.zip = zip;
    }

    /** Everything, in the verifier's order; {@code checkpoint} may be null (a first import). */
    Verified verify(@Nullable PackHead checkpoint) throws IOException {
        manifest = JSON.readTree(open("manifest.json"));
        refuseUnless(AuditPacks.FORMAT.equals(manifest.path("format").asText()), "audit-pack.import.not-a-pack");
        digests();
        Chain chain = new Chain(manifest.path("cooperative").path("code").asText(), checkpoint);
        chain.walk();
        PackHead head = new PackHead(manifest.path("head").path("sequence").asLong(), manifest.path("head").path("fingerprint").asText());
        refuseUnless(chain.head().equals(head), "audit-pack.import.head", chain.head().sequence());
        if (checkpoint != null && checkpoint.sequence() > 0) {
            refuseUnless(checkpoint.fingerprint().equals(chain.atCheckpoint), "audit-pack.import.checkpoint", checkpoint.sequence());
        }
        LocalDate to = LocalDate.parse(manifest.path("period").path("to").asText());
        trialBalance(to);
        return new Verified(chain.code, LocalDate.parse(manifest.path("period").path("from").asText()), to, head,
                chain.lastBooking, chain.lines);
    }

    private void digests() throws IOException {
        Map<String, String> listed = new HashMap<>();
        Objects.requireNonNull(manifest, "read first").path("files").fields()
                .forEachRemaining(f -> listed.put(f.getKey(), f.getValue().asText()));
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (!e.isDirectory() && !e.getName().equals("manifest.json")) {
                refuseUnless(Objects.equals(listed.remove(e.getName()), sha256(e)), "audit-pack.import.file-changed", e.getName());
            }
        }
        refuseUnless(listed.isEmpty(), "audit-pack.import.file-changed", String.join(", ", listed.keySet()));
    }

    private String sha256(ZipEntry e) throws IOException {
        try (DigestInputStream in = new DigestInputStream(zip.getInputStream(e), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    /** The walk over chain.csv and journal.csv together, entry by entry. */
    private final class Chain {
        final String code;
        final @Nullable PackHead checkpoint;
        String prev = EntryFingerprint.GENESIS;
        long sequence;
        int version = 1;
        @Nullable String atCheckpoint;
        @Nullable LocalDate lastBooking;
        long lines;

        Chain(String code, @Nullable PackHead checkpoint) {
            this.code = code;
            this.checkpoint = checkpoint;
        }

        PackHead head() {
            return sequence == 0 ? PackHead.EMPTY : new PackHead(sequence, prev);
        }

        void walk() throws IOException {
            try (CSVParser links = parser("chain.csv"); CSVParser journal = parser("journal.csv")) {
                Iterator<CSVRecord> rows = journal.iterator();
                CSVRecord pending = rows.hasNext() ? rows.next() : null;
                for (CSVRecord link : links) {
                    long expected = sequence + 1;
                    refuseUnless(Long.parseLong(link.get("sequence")) == expected, "audit-pack.import.gap", expected);
                    List<CSVRecord> entry = new ArrayList<>();
                    while (pending != null && pending.get("sequence").equals(link.get("sequence"))) {
                        entry.add(pending);
                        pending = rows.hasNext() ? rows.next() : null;
                    }
                    accept(expected, link, entry);
                }
                refuseUnless(pending == null, "audit-pack.import.gap", sequence + 1);
            }
        }

        private void accept(long expected, CSVRecord link, List<CSVRecord> entry) {
            int v = Integer.parseInt(link.get("hash_version"));
            refuseUnless(!entry.isEmpty() && entry.size() == Integer.parseInt(link.get("line_count")), "audit-pack.import.gap", expected);
            refuseUnless(link.get("prev_hash").equals(prev) && v >= version && v <= EntryFingerprint.CURRENT_VERSION,
                    "audit-pack.import.link", expected);
            String recomputed = EntryFingerprint.hash(prev, content(v, expected, entry));
            refuseUnless(recomputed.equals(link.get("fingerprint")), "audit-pack.import.altered", expected);
            prev = recomputed;
            version = v;
            sequence = expected;
            lines += entry.size();
            lastBooking = LocalDate.parse(entry.get(0).get("booking_date"));
            if (checkpoint != null && checkpoint.sequence() == expected) {
                atCheckpoint = recomputed;
            }
        }

        private EntryFingerprint.Content content(int v, long expected, List<CSVRecord> entry) {
            CSVRecord e = entry.get(0);
            List<EntryFingerprint.Line> lines = new ArrayList<>();
            for (CSVRecord l : entry) {
                String account = raw(l.get("account"));
                if (account == null) {
                    throw DomainException.invalid("audit-pack.import.altered", expected); // every line has an account
                }
                EntryFingerprint.Line line = new EntryFingerprint.Line(Integer.parseInt(l.get("line_no")), account,
                        Side.ofCode(l.get("side")), new BigDecimal(l.get("amount")), l.get("currency"));
                lines.add(v == 1 ? EntryFingerprint.v1Line(line) : line);
            }
            long cooperativeId = Objects.requireNonNull(manifest, "read first").path("cooperative").path("id").asLong();
            return new EntryFingerprint.Content(v, cooperativeId, code, expected, raw(e.get("key")),
                    LocalDate.parse(e.get("booking_date")), LocalDate.parse(e.get("value_date")), raw(e.get("description")),
                    raw(e.get("source_type")), raw(e.get("source_ref")), number(e.get("reverses_entry_id")),
                    number(e.get("reverses_sequence")), raw(e.get("reason")), raw(e.get("created_by")),
                    Instant.parse(e.get("created_at")), lines);
        }
    }

    /** Each general-ledger line's turnovers recomputed from the journal up to {@code to}, against trial-balance.csv. */
    private void trialBalance(LocalDate to) throws IOException {
        Map<String, String> ledgerLine = new HashMap<>();
        try (CSVParser accounts = parser("accounts.csv")) {
            accounts.forEach(a -> ledgerLine.put(a.get("code"), a.get("control_account").isEmpty() ? a.get("code") : a.get("control_account")));
        }
        Map<String, BigDecimal[]> sums = new HashMap<>();
        try (CSVParser journal = parser("journal.csv")) {
            for (CSVRecord l : journal) {
                if (!LocalDate.parse(l.get("value_date")).isAfter(to)) {
                    String account = raw(l.get("account"));
                    BigDecimal[] s = sums.computeIfAbsent(ledgerLine.getOrDefault(account, account) + " " + l.get("currency"),
                            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    int column = "D".equals(l.get("side")) ? 0 : 1;
                    s[column] = s[column].add(new BigDecimal(l.get("amount")));
                }
            }
        }
        try (CSVParser stated = parser("trial-balance.csv")) {
            for (CSVRecord r : stated) {
                BigDecimal[] s = sums.remove(r.get("code") + " " + r.get("currency"));
                BigDecimal debit = s == null ? BigDecimal.ZERO : s[0];
                BigDecimal credit = s == null ? BigDecimal.ZERO : s[1];
                refuseUnless(debit.compareTo(new BigDecimal(r.get("debit_turnover"))) == 0
                        && credit.compareTo(new BigDecimal(r.get("credit_turnover"))) == 0,
                        "audit-pack.import.trial-balance", r.get("code"), r.get("currency"));
            }
        }
        sums.entrySet().stream().filter(e -> e.getValue()[0].signum() != 0 || e.getValue()[1].signum() != 0).findFirst()
                .ifPresent(e -> refuseUnless(false, "audit-pack.import.trial-balance", e.getKey(), ""));
    }

    private CSVParser parser(String name) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(open(name), StandardCharsets.UTF_8));
    }

    private InputStream open(String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        refuseUnless(e != null, "audit-pack.import.not-a-pack");
        return zip.getInputStream(e);
    }

    /** A cell as the canonical encoding wrote it, back to its value: "\N" is absent, escapes undone. */
    static @Nullable String raw(String cell) {
        if ("\\N".equals(cell)) {
            return null;
        }
        StringBuilder out = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\\' && i + 1 < cell.length()) {
                char next = cell.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'p' -> '|';
                    default -> next;
                });
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static @Nullable Long number(String cell) {
        String value = raw(cell);
        return value == null ? null : Long.valueOf(value);
    }

    private static void refuseUnless(boolean condition, String messageKey, Object... arguments) {
        if (!condition) {
            throw DomainException.invalid(messageKey, arguments);
        }
    }
}
