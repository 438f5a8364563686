package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes sealed entries, their lines and the new chain head in one statement (arrays unnested, so the
 * statement is the same size for one entry or a thousand). The balance trigger then checks every entry
 * of the statement and updates the maintained balances.
 */
final class EntryWriter {

    private static final String INSERT = """
            with e as (
              insert into journal_entry (cooperative_id, sequence, idempotency_key, request_hash, booking_date,
                value_date, description, source_type, source_ref, reverses_entry_id, reversal_reason, created_by,
                created_at, line_count, prev_hash, hash, hash_version)
              select {0}, u.*, {25} from unnest({1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}) as u
              returning id, sequence),
            l as (
              insert into journal_line (cooperative_id, entry_id, line_no, account_id, side, amount, currency, value_date)
              select {0}, e.id, u.line_no, u.account_id, u.side, u.amount, u.currency, u.value_date
              from unnest({16}, {17}, {18}, {19}, {20}, {21}, {22})
                   as u(seq, line_no, account_id, side, amount, currency, value_date)
              join e on e.sequence = u.seq),
            h as (
              update ledger_head set last_sequence = {23}, last_hash = {24} where cooperative_id = {0})
            select id, sequence from e""";

    private EntryWriter() {
    }

    /** Inserts the entries (in sequence order, the last one the new head); answers entry ids by sequence. */
    static Map<Long, Long> write(DSLContext tx, long cooperativeId, List<SealedEntry> sealed) {
        EntryColumns e = new EntryColumns(sealed.size());
        LineColumns l = new LineColumns(sealed.stream().mapToInt(s -> s.lines().size()).sum());
        sealed.forEach(s -> {
            e.add(s);
            l.add(s);
        });
        SealedEntry last = sealed.get(sealed.size() - 1);
        Map<Long, Long> idBySequence = new HashMap<>();
        tx.resultQuery(INSERT, DSL.val(cooperativeId), DSL.val(e.seq), DSL.val(e.keys), DSL.val(e.requestHashes),
                        DSL.val(e.bookingDates), DSL.val(e.valueDates), DSL.val(e.descriptions), DSL.val(e.sourceTypes),
                        DSL.val(e.sourceRefs), DSL.val(e.reverses), DSL.val(e.reasons), DSL.val(e.actors),
                        DSL.val(e.createdAts), DSL.val(e.lineCounts), DSL.val(e.prevHashes), DSL.val(e.hashes),
                        DSL.val(l.seq), DSL.val(l.lineNo), DSL.val(l.accountIds), DSL.val(l.sides), DSL.val(l.amounts),
                        DSL.val(l.currencies), DSL.val(l.valueDates),
                        DSL.val(last.sequence()), DSL.val(last.hash()), DSL.val(EntryFingerprint.CURRENT_VERSION))
                .fetch()
                .forEach(r -> idBySequence.put(r.get(1, Long.class), r.get(0, Long.class)));
        return idBySequence;
    }

    /** The entries' columns as arrays, one element per entry. */
    private static final class EntryColumns {
        final Long[] seq;
        final String[] keys;
        final String[] requestHashes;
        final LocalDate[] bookingDates;
        final LocalDate[] valueDates;
        final String[] descriptions;
        final String[] sourceTypes;
        final String[] sourceRefs;
        final Long[] reverses;
        final String[] reasons;
        final String[] actors;
        final OffsetDateTime[] createdAts;
        final Short[] lineCounts;
        final String[] prevHashes;
        final String[] hashes;
        private int i;

        EntryColumns(int n) {
            seq = new Long[n];
            keys = new String[n];
            requestHashes = new String[n];
            bookingDates = new LocalDate[n];
            valueDates = new LocalDate[n];
            descriptions = new String[n];
            sourceTypes = new String[n];
            sourceRefs = new String[n];
            reverses = new Long[n];
            reasons = new String[n];
            actors = new String[n];
            createdAts = new OffsetDateTime[n];
            lineCounts = new Short[n];
            prevHashes = new String[n];
            hashes = new String[n];
        }

        void add(SealedEntry s) {
            PostingRequest r = s.draft().request();
            seq[i] = s.sequence();
            keys[i] = r.idempotencyKey();
            requestHashes[i] = s.draft().requestHash();
            bookingDates[i] = s.bookingDate();
            valueDates[i] = s.valueDate();
            descriptions[i] = s.description();
            sourceTypes[i] = r.sourceType();
            sourceRefs[i] = r.sourceRef();
            reverses[i] = s.draft().reversesEntryId();
            reasons[i] = s.draft().reversalReason();
            actors[i] = r.actor();
            createdAts[i] = s.createdAt().atOffset(ZoneOffset.UTC);
            lineCounts[i] = (short) s.lines().size();
            prevHashes[i] = s.prevHash();
            hashes[i] = s.hash();
            i++;
        }
    }

    /** The lines' columns as arrays, one element per line, each naming its entry by sequence. */
    private static final class LineColumns {
        final Long[] seq;
        final Short[] lineNo;
        final Long[] accountIds;
        final String[] sides;
        final BigDecimal[] amounts;
        final String[] currencies;
        final LocalDate[] valueDates;
        private int j;

        LineColumns(int n) {
            seq = new Long[n];
            lineNo = new Short[n];
            accountIds = new Long[n];
            sides = new String[n];
            amounts = new BigDecimal[n];
            currencies = new String[n];
            valueDates = new LocalDate[n];
        }

        void add(SealedEntry s) {
            for (EntryLine l : s.lines()) {
                seq[j] = s.sequence();
                lineNo[j] = (short) l.lineNo();
                accountIds[j] = l.accountId();
                sides[j] = l.side().code();
                amounts[j] = l.amount();
                currencies[j] = l.currency();
                valueDates[j] = s.valueDate();
                j++;
            }
        }
    }
}
