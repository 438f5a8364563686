package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
 *
 * <p>A pipelined batch ({@link BatchPipeline}) is written in two statements instead, before it holds the
 * head: its entries, then its lines by entry id, whose trigger takes the head ({@link #writeOnto}).
 */
final class EntryWriter {

    private static final String ENTRY_INSERT = """
            insert into journal_entry (cooperative_id, sequence, idempotency_key, request_hash, value_date, description,
              source_type, source_ref, reverses_entry_id, reversal_reason, created_by, line_count, prev_hash, hash,
              booking_date, created_at, hash_version)
            select ?, u.*, ?, ?, ?
              from unnest(?::bigint[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                          ?::text[], ?::text[], ?::smallint[], ?::text[], ?::text[]) as u""";

    /** Under the head lock taken first: the entries, their lines (joined to them) and the new head in one statement. */
    private static final String INSERT = "with e as (" + ENTRY_INSERT + """

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

    /** A pipelined batch's entries, before it holds the head (nothing they touch is another posting's). */
    private static final String ENTRIES_BEFORE_HEAD = ENTRY_INSERT + "\nreturning id, sequence";

    /** A pipelined batch's lines, named by entry id: the posting trigger takes the head once they are in. */
    private static final String LINES_BEFORE_HEAD = """
            insert into journal_line (cooperative_id, entry_id, line_no, account_id, side, amount, currency, value_date)
            select ?, u.* from unnest(?::bigint[], ?::smallint[], ?::bigint[], ?::text[], ?::numeric[], ?::text[], ?::date[])
                   as u(entry_id, line_no, account_id, side, amount, currency, value_date)""";

    /**
     * A pipelined batch's entries hold their sequence numbers before it holds the head; a posting that took
     * the head meanwhile (a teller's) numbers its entry the same and waits for them, while the batch waits
     * for the head: a deadlock PostgreSQL would break only after deadlock_timeout (a second), perhaps by
     * failing the teller. So the batch gives up its wait first: it is rolled back (and posted again on its
     * own), and the teller waits at most this long. A batch's wait for the one before it to commit is a few
     * tens of milliseconds.
     */
    private static final String PIPELINED_LOCK_TIMEOUT = "set local lock_timeout = '200ms'";

    /**
     * The head moves only from the one this batch was sealed on: by then the lines' statement holds its lock
     * (journal_line_head_lock), and this statement's snapshot sees every posting committed before.
     */
    private static final String ADVANCE_HEAD = """
            update ledger_head set last_sequence = ?, last_hash = ?
             where cooperative_id = ? and last_sequence = ? and last_hash = ? and closed_through is not distinct from ?""";

    private EntryWriter() {
    }

    /**
     * Inserts the entries (in sequence order, the last one the new head) under the head lock the caller
     * holds, and moves the head; answers entry ids by sequence.
     */
    static Map<Long, Long> write(DSLContext tx, long cooperativeId, List<SealedEntry> sealed) {
        SealedEntry last = sealed.get(sealed.size() - 1);
        return tx.connectionResult(c -> {
            try (PreparedStatement st = c.prepareStatement(INSERT)) {
                int p = bindEntriesAndLines(c, st, cooperativeId, sealed);
                st.setLong(++p, last.sequence());
                st.setString(++p, last.hash());
                st.setLong(++p, cooperativeId);
                return idsBySequence(st);
            }
        });
    }

    /**
     * Writes entries sealed on top of {@code sealedOn} before holding the head, in two statements: the
     * entries, then (once the batch before this one holds the head, {@code turn}) the lines, whose posting
     * trigger waits for the head, that is for the batch before to commit; {@code holding} is told then. So
     * the pipeline's batches take the head in their order, and each writes its entries while the one before
     * it posts and commits. Then moves the head, only if it is still the one the entries were chained to;
     * otherwise answers empty, and the caller rolls back.
     */
    static Optional<Map<Long, Long>> writeOnto(DSLContext tx, long cooperativeId, List<SealedEntry> sealed,
                                                PostingPipeline.Head sealedOn, CompletableFuture<?> turn,
                                                CompletableFuture<Void> holding) {
        SealedEntry last = sealed.get(sealed.size() - 1);
        return tx.connectionResult(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(PIPELINED_LOCK_TIMEOUT);
            }
            Map<Long, Long> ids;
            try (PreparedStatement st = c.prepareStatement(ENTRIES_BEFORE_HEAD)) {
                bindEntries(c, st, cooperativeId, sealed);
                ids = idsBySequence(st);
            }
            try (PreparedStatement st = c.prepareStatement(LINES_BEFORE_HEAD)) {
                st.setLong(1, cooperativeId);
                LineColumns.byEntryId(sealed, ids).bindWithEntries(c, st, 1);
                // bound before the turn: from the turn on, this statement is what the next batch waits for
                turn.join();
                st.executeUpdate();
            }
            holding.complete(null);
            try (PreparedStatement st = c.prepareStatement(ADVANCE_HEAD)) {
                st.setLong(1, last.sequence());
                st.setString(2, last.hash());
                st.setLong(3, cooperativeId);
                st.setLong(4, sealedOn.lastSequence());
                st.setString(5, sealedOn.lastHash());
                st.setObject(6, sealedOn.closedThrough());
                return st.executeUpdate() == 1 ? Optional.of(ids) : Optional.empty();
            }
        });
    }

    /** Binds the entries' parameters, the first of both insert statements; answers the last index used. */
    private static int bindEntries(Connection c, PreparedStatement st, long cooperativeId, List<SealedEntry> sealed)
            throws SQLException {
        SealedEntry first = sealed.get(0);
        EntryColumns e = new EntryColumns(sealed.size());
        sealed.forEach(s -> {
            requireOneSeal(first, s);
            e.add(s);
        });
        int p = 0;
        st.setLong(++p, cooperativeId);
        st.setObject(++p, first.bookingDate());
        st.setObject(++p, first.createdAt().atOffset(ZoneOffset.UTC));
        st.setShort(++p, EntryFingerprint.CURRENT_VERSION);
        return e.bind(c, st, p);
    }

    /** Binds the one-statement write's entries and lines (joined to them by sequence); answers the last index used. */
    private static int bindEntriesAndLines(Connection c, PreparedStatement st, long cooperativeId, List<SealedEntry> sealed)
            throws SQLException {
        int p = bindEntries(c, st, cooperativeId, sealed);
        st.setLong(++p, cooperativeId);
        return LineColumns.bySequence(sealed).bind(c, st, p);
    }

    private static Map<Long, Long> idsBySequence(PreparedStatement st) throws SQLException {
        Map<Long, Long> idBySequence = new HashMap<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                idBySequence.put(rs.getLong(2), rs.getLong(1));
            }
        }
        return idBySequence;
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

    /**
     * The lines' columns as arrays, one element per line, each naming its entry: by sequence, joined back to
     * the entries inserted in the same statement, or (a pipelined batch's lines, a statement of their own)
     * by id, with the entry's value date.
     */
    private static final class LineColumns {
        final Long[] entry;
        final Short[] lineNo;
        final Long[] accountIds;
        final String[] sides;
        final String[] amounts;
        final String[] currencies;
        /** Only when the lines name their entries by id. */
        final String @Nullable [] valueDates;
        private int j;

        private LineColumns(List<SealedEntry> sealed, boolean byId) {
            int n = sealed.stream().mapToInt(s -> s.lines().size()).sum();
            entry = new Long[n];
            lineNo = new Short[n];
            accountIds = new Long[n];
            sides = new String[n];
            amounts = new String[n];
            currencies = new String[n];
            valueDates = byId ? new String[n] : null;
        }

        static LineColumns bySequence(List<SealedEntry> sealed) {
            LineColumns l = new LineColumns(sealed, false);
            sealed.forEach(s -> l.add(s, s.sequence(), null));
            return l;
        }

        static LineColumns byEntryId(List<SealedEntry> sealed, Map<Long, Long> idBySequence) {
            LineColumns l = new LineColumns(sealed, true);
            // every entry's id came back from its insert
            sealed.forEach(s -> l.add(s, Objects.requireNonNull(idBySequence.get(s.sequence())), s.valueDate().toString()));
            return l;
        }

        private void add(SealedEntry s, long entryRef, @Nullable String valueDate) {
            for (EntryLine l : s.lines()) {
                entry[j] = entryRef;
                lineNo[j] = (short) l.lineNo();
                accountIds[j] = l.accountId();
                sides[j] = l.side().code();
                amounts[j] = l.amount().toPlainString();
                currencies[j] = l.currency();
                if (valueDates != null) {
                    valueDates[j] = valueDate;
                }
                j++;
            }
        }

        /** Binds the arrays in the order of the one-statement write's second unnest; answers the last index used. */
        int bind(Connection c, PreparedStatement st, int p) throws SQLException {
            return bindArrays(c, st, p, "int8", entry, "int2", lineNo, "int8", accountIds, "text", sides, "text", amounts,
                    "text", currencies);
        }

        /** Binds the arrays in the order of the lines-only statement (entry ids, then value dates); answers the last index. */
        int bindWithEntries(Connection c, PreparedStatement st, int p) throws SQLException {
            return bindArrays(c, st, p, "int8", entry, "int2", lineNo, "int8", accountIds, "text", sides, "text", amounts,
                    "text", currencies, "text", Objects.requireNonNull(valueDates));
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
