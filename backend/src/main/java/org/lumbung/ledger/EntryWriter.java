package org.lumbung.ledger;

import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes sealed entries, their lines and the new chain head in one statement (arrays unnested, so the
 * statement is the same size for one entry or a thousand). The balance trigger then checks every entry
 * of the statement and updates the maintained balances.
 *
 * <p>This is the ledger's hottest statement (a batch of a thousand entries sends some thirty thousand
 * values), so it is bound through the driver's own arrays rather than jOOQ's: the number arrays go to
 * PostgreSQL in binary, without being written out and parsed back as text. What is the same for every
 * entry of the statement is sent once: the booking date and the creation time (one seal, one clock
 * reading), the hash version, and each line's value date (its entry's, joined back).
 */
final class EntryWriter {

    private static final String INSERT = """
            with e as (
              insert into journal_entry (cooperative_id, sequence, idempotency_key, request_hash, value_date, description,
                source_type, source_ref, reverses_entry_id, reversal_reason, created_by, line_count, prev_hash, hash,
                booking_date, created_at, hash_version)
              select ?, u.*, ?, ?, ?
                from unnest(?::bigint[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                            ?::text[], ?::text[], ?::smallint[], ?::text[], ?::text[]) as u
              returning id, sequence, value_date),
            l as (
              insert into journal_line (cooperative_id, entry_id, line_no, account_id, side, amount, currency, value_date)
              select ?, e.id, u.line_no, u.account_id, u.side, u.amount, u.currency, e.value_date
              from unnest(?::bigint[], ?::smallint[], ?::bigint[], ?::text[], ?::numeric[], ?::text[])
                   as u(seq, line_no, account_id, side, amount, currency)
              join e on e.sequence = u.seq),
            h as (
              update ledger_head set last_sequence = ?, last_hash = ? where cooperative_id = ?)
            select id, sequence from e""";

    private EntryWriter() {
    }

    /** Inserts the entries (in sequence order, the last one the new head); answers entry ids by sequence. */
    static Map<Long, Long> write(DSLContext tx, long cooperativeId, List<SealedEntry> sealed) {
        SealedEntry first = sealed.get(0);
        SealedEntry last = sealed.get(sealed.size() - 1);
        EntryColumns e = new EntryColumns(sealed.size());
        LineColumns l = new LineColumns(sealed.stream().mapToInt(s -> s.lines().size()).sum());
        sealed.forEach(s -> {
            requireOneSeal(first, s);
            e.add(s);
            l.add(s);
        });
        return tx.connectionResult(c -> {
            try (PreparedStatement st = c.prepareStatement(INSERT)) {
                int p = 0;
                st.setLong(++p, cooperativeId);
                st.setObject(++p, first.bookingDate());
                st.setObject(++p, first.createdAt().atOffset(ZoneOffset.UTC));
                st.setShort(++p, EntryFingerprint.CURRENT_VERSION);
                p = e.bind(c, st, p);
                st.setLong(++p, cooperativeId);
                p = l.bind(c, st, p);
                st.setLong(++p, last.sequence());
                st.setString(++p, last.hash());
                st.setLong(++p, cooperativeId);
                Map<Long, Long> idBySequence = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        idBySequence.put(rs.getLong(2), rs.getLong(1));
                    }
                }
                return idBySequence;
            }
        });
    }

    /** The statement sends one booking date and one creation time: every entry of it was sealed at once. */
    private static void requireOneSeal(SealedEntry first, SealedEntry s) {
        if (!s.bookingDate().equals(first.bookingDate()) || !s.createdAt().equals(first.createdAt())) {
            throw new IllegalStateException("the entries of one statement are sealed at one time: " + s.sequence());
        }
    }

    /** The entries' columns as arrays, one element per entry. */
    private static final class EntryColumns {
        final Long[] seq;
        final String[] keys;
        final String[] requestHashes;
        final String[] valueDates;
        final String[] descriptions;
        final String[] sourceTypes;
        final String[] sourceRefs;
        final Long[] reverses;
        final String[] reasons;
        final String[] actors;
        final Short[] lineCounts;
        final String[] prevHashes;
        final String[] hashes;
        private int i;

        EntryColumns(int n) {
            seq = new Long[n];
            keys = new String[n];
            requestHashes = new String[n];
            valueDates = new String[n];
            descriptions = new String[n];
            sourceTypes = new String[n];
            sourceRefs = new String[n];
            reverses = new Long[n];
            reasons = new String[n];
            actors = new String[n];
            lineCounts = new Short[n];
            prevHashes = new String[n];
            hashes = new String[n];
        }

        void add(SealedEntry s) {
            PostingRequest r = s.draft().request();
            seq[i] = s.sequence();
            keys[i] = r.idempotencyKey();
            requestHashes[i] = s.draft().requestHash();
            valueDates[i] = s.valueDate().toString();
            descriptions[i] = s.description();
            sourceTypes[i] = r.sourceType();
            sourceRefs[i] = r.sourceRef();
            reverses[i] = s.draft().reversesEntryId();
            reasons[i] = s.draft().reversalReason();
            actors[i] = r.actor();
            lineCounts[i] = (short) s.lines().size();
            prevHashes[i] = s.prevHash();
            hashes[i] = s.hash();
            i++;
        }

        /** Binds the arrays in the order of the statement's first unnest; answers the last index used. */
        int bind(Connection c, PreparedStatement st, int p) throws SQLException {
            return bindArrays(c, st, p, "int8", seq, "text", keys, "text", requestHashes, "text", valueDates,
                    "text", descriptions, "text", sourceTypes, "text", sourceRefs, "int8", reverses, "text", reasons,
                    "text", actors, "int2", lineCounts, "text", prevHashes, "text", hashes);
        }
    }

    /** The lines' columns as arrays, one element per line, each naming its entry by sequence. */
    private static final class LineColumns {
        final Long[] seq;
        final Short[] lineNo;
        final Long[] accountIds;
        final String[] sides;
        final String[] amounts;
        final String[] currencies;
        private int j;

        LineColumns(int n) {
            seq = new Long[n];
            lineNo = new Short[n];
            accountIds = new Long[n];
            sides = new String[n];
            amounts = new String[n];
            currencies = new String[n];
        }

        void add(SealedEntry s) {
            for (EntryLine l : s.lines()) {
                seq[j] = s.sequence();
                lineNo[j] = (short) l.lineNo();
                accountIds[j] = l.accountId();
                sides[j] = l.side().code();
                amounts[j] = l.amount().toPlainString();
                currencies[j] = l.currency();
                j++;
            }
        }

        /** Binds the arrays in the order of the statement's second unnest; answers the last index used. */
        int bind(Connection c, PreparedStatement st, int p) throws SQLException {
            return bindArrays(c, st, p, "int8", seq, "int2", lineNo, "int8", accountIds, "text", sides, "text", amounts,
                    "text", currencies);
        }
    }

    /**
     * Binds each (element type, array) pair, in order, as the next parameters (the driver sends arrays of
     * numbers in binary); answers the last index used.
     */
    private static int bindArrays(Connection c, PreparedStatement st, int p, Object... typesAndArrays) throws SQLException {
        for (int i = 0; i < typesAndArrays.length; i += 2) {
            st.setArray(++p, c.createArrayOf((String) typesAndArrays[i], (Object[]) typesAndArrays[i + 1]));
        }
        return p;
    }
}
