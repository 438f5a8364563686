package org.lumbung.ledger;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.db.jooq.tables.JournalEntry;
import org.lumbung.db.jooq.tables.records.ChainCheckRecord;
import org.lumbung.ledger.ChainVerification.Checkpoint;
import org.lumbung.ledger.ChainVerification.CheckpointResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.lumbung.db.jooq.Tables.CHAIN_CHECK;
import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * Recomputes a cooperative's hash chain from the stored entries and lines, in sequence order, streaming
 * (constant memory for any length), each entry under the encoding version it was sealed with, and checks
 * that the maintained balances, the control accounts' members' totals and the day and month movements
 * equal the sums of lines. An auditor writes down the head fingerprint (or a closed month's, printed on
 * its closing report) and later checks that today's chain still passes through it: any change to any
 * earlier entry changes every hash after it.
 *
 * <p>Every full verification is recorded (chain_check), so the dashboard can warn of a broken chain by
 * reading that record and checking only the entries posted since ({@link #status}).
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class ChainVerifier {

    private static final int FETCH_SIZE = 2_000;
    /** The most entries {@link #status} checks on a dashboard load; beyond, it relies on the recorded result. */
    public static final long MAX_QUICK_ENTRIES = 5_000;
    private static final JournalEntry REVERSED = JOURNAL_ENTRY.as("reversed");

    private final DSLContext dsl;
    private final Clock clock;

    public ChainVerifier(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public ChainVerification verify(long cooperativeId) {
        return verify(cooperativeId, null);
    }

    /** The whole chain and every balance; with a checkpoint, also whether the chain passes through it. */
    public ChainVerification verify(long cooperativeId, @Nullable Checkpoint checkpoint) {
        ChainVerification v = dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            // A repeatable snapshot: the chain and the balances are checked as of one moment.
            tx.execute("set transaction isolation level repeatable read, read only");
            return verifyWithin(tx, cooperativeId, checkpoint);
        });
        record(cooperativeId, v);
        return v;
    }

    /**
     * The whole chain and every balance, read through {@code tx} in the caller's transaction, nothing recorded:
     * for a database the application does not serve yet (a restore checking what it copied before it commits).
     */
    static ChainVerification verifyWithin(DSLContext tx, long cooperativeId, @Nullable Checkpoint checkpoint) {
        Walk walk = new Walk(tx, cooperativeId, 0, EntryFingerprint.GENESIS, checkpoint).run();
        return withBalances(tx, cooperativeId, walk, checkpoint);
    }

    /**
     * When the entry at a sequence was sealed: the moment a written-down head covers history up to. Null for
     * sequence 0 (the empty chain) or a sequence the chain does not have.
     */
    public @Nullable Instant sealedAt(long cooperativeId, long sequence) {
        return dsl.select(JOURNAL_ENTRY.CREATED_AT).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.SEQUENCE.eq(sequence)))
                .fetchOptional(JOURNAL_ENTRY.CREATED_AT).map(OffsetDateTime::toInstant).orElse(null);
    }

    /**
     * Whether the chain is known to be broken, cheaply enough for every dashboard load: the latest recorded
     * full verification plus a walk over the entries posted since it (at most {@value #MAX_QUICK_ENTRIES};
     * beyond, the periodic full check will tell). A chain never verified is verified in full once, and
     * recorded, if it is no longer than that.
     */
    public ChainStatus status(long cooperativeId) {
        Record last = dsl.selectFrom(CHAIN_CHECK).where(CHAIN_CHECK.COOPERATIVE_ID.eq(cooperativeId)).fetchOne();
        if (last == null) {
            Long head = dsl.select(LEDGER_HEAD.LAST_SEQUENCE).from(LEDGER_HEAD)
                    .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId)).fetchOne(LEDGER_HEAD.LAST_SEQUENCE);
            if (head == null || head > MAX_QUICK_ENTRIES) {
                return new ChainStatus(ChainStatus.State.UNCHECKED, null, null);
            }
            ChainVerification v = verify(cooperativeId);
            return new ChainStatus(v.ok() ? ChainStatus.State.OK : ChainStatus.State.BROKEN, Instant.now(clock),
                    v.firstBrokenSequence());
        }
        Instant checkedAt = last.get(CHAIN_CHECK.CHECKED_AT).toInstant();
        if (!last.get(CHAIN_CHECK.OK)) {
            return new ChainStatus(ChainStatus.State.BROKEN, checkedAt, last.get(CHAIN_CHECK.FIRST_BROKEN));
        }
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.execute("set transaction isolation level repeatable read, read only");
            long from = last.get(CHAIN_CHECK.ENTRIES_CHECKED);
            Long head = tx.select(LEDGER_HEAD.LAST_SEQUENCE).from(LEDGER_HEAD)
                    .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId)).fetchOne(LEDGER_HEAD.LAST_SEQUENCE);
            if (head == null || head - from > MAX_QUICK_ENTRIES) {
                return new ChainStatus(ChainStatus.State.UNCHECKED, checkedAt, null);
            }
            Walk walk = new Walk(tx, cooperativeId, from, last.get(CHAIN_CHECK.HEAD_HASH), null).run();
            return walk.problemKey == null ? new ChainStatus(ChainStatus.State.OK, checkedAt, null)
                    : new ChainStatus(ChainStatus.State.BROKEN, checkedAt, walk.brokenAt);
        });
    }

    /**
     * The streaming walk over the entries after {@code fromSequence} (whose fingerprint is {@code fromHash}),
     * ending with the check that the ledger head is the last entry walked.
     */
    private static final class Walk {
        private final DSLContext tx;
        private final long cooperativeId;
        private final @Nullable Checkpoint checkpoint;
        private final String cooperativeCode;
        long expectedSequence;
        String prevHash;
        long checked;
        @Nullable Long brokenAt;
        @Nullable String problemKey;
        List<Object> problemArguments = List.of();
        @Nullable CheckpointResult checkpointResult;
        private int lastVersion = 1;

        Walk(DSLContext tx, long cooperativeId, long fromSequence, String fromHash, @Nullable Checkpoint checkpoint) {
            this.tx = tx;
            this.cooperativeId = cooperativeId;
            this.checkpoint = checkpoint;
            this.expectedSequence = fromSequence + 1;
            this.prevHash = fromHash;
            this.checked = fromSequence;
            this.cooperativeCode = tx.select(COOPERATIVE.CODE).from(COOPERATIVE).where(COOPERATIVE.ID.eq(cooperativeId))
                    .fetchOne(COOPERATIVE.CODE);
            if (checkpoint != null && checkpoint.sequence() == 0) {
                checkpointResult = checkpoint.fingerprint().equals(EntryFingerprint.GENESIS)
                        ? CheckpointResult.PASSES : CheckpointResult.DIFFERS;
            }
        }

        Walk run() {
            try (Cursor<Record> rows = tx.select(JOURNAL_ENTRY.asterisk(), REVERSED.SEQUENCE, JOURNAL_LINE.LINE_NO,
                            LEDGER_ACCOUNT.CODE, JOURNAL_LINE.SIDE, JOURNAL_LINE.AMOUNT, JOURNAL_LINE.CURRENCY)
                    .from(JOURNAL_ENTRY)
                    .join(JOURNAL_LINE).on(JOURNAL_LINE.ENTRY_ID.eq(JOURNAL_ENTRY.ID))
                    .join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                    .leftJoin(REVERSED).on(REVERSED.ID.eq(JOURNAL_ENTRY.REVERSES_ENTRY_ID))
                    .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.SEQUENCE.ge(expectedSequence)))
                    .orderBy(JOURNAL_ENTRY.SEQUENCE, JOURNAL_LINE.LINE_NO)
                    .fetchSize(FETCH_SIZE)
                    .fetchLazy()) {
                Record current = null;
                List<EntryFingerprint.Line> lines = new ArrayList<>();
                while (true) {
                    Record r = rows.fetchNext();
                    if (current != null && (r == null || !r.get(JOURNAL_ENTRY.ID).equals(current.get(JOURNAL_ENTRY.ID)))) {
                        if (!accept(current, lines)) {
                            return this;
                        }
                        lines.clear();
                    }
                    if (r == null) {
                        break;
                    }
                    current = r;
                    lines.add(line(r));
                }
            }
            checkHead();
            return this;
        }

        private static EntryFingerprint.Line line(Record r) {
            String currency = r.get(JOURNAL_LINE.CURRENCY);
            return new EntryFingerprint.Line(r.get(JOURNAL_LINE.LINE_NO), r.get(LEDGER_ACCOUNT.CODE),
                    Side.ofCode(r.get(JOURNAL_LINE.SIDE)), r.get(JOURNAL_LINE.AMOUNT), currency);
        }

        /** Checks one entry; false (with the problem noted) when the chain breaks at it. */
        private boolean accept(Record e, List<EntryFingerprint.Line> lines) {
            long sequence = e.get(JOURNAL_ENTRY.SEQUENCE);
            problemKey = problemOf(e, lines);
            if (problemKey != null) {
                brokenAt = sequence;
                if (checkpoint != null && checkpointResult == null) {
                    checkpointResult = CheckpointResult.BROKEN_BEFORE;
                }
                return false;
            }
            prevHash = e.get(JOURNAL_ENTRY.HASH);
            lastVersion = e.get(JOURNAL_ENTRY.HASH_VERSION);
            if (checkpoint != null && checkpoint.sequence() == sequence) {
                checkpointResult = checkpoint.fingerprint().equals(prevHash) ? CheckpointResult.PASSES : CheckpointResult.DIFFERS;
            }
            expectedSequence++;
            checked++;
            return true;
        }

        private @Nullable String problemOf(Record e, List<EntryFingerprint.Line> lines) {
            long sequence = e.get(JOURNAL_ENTRY.SEQUENCE);
            int version = e.get(JOURNAL_ENTRY.HASH_VERSION);
            if (sequence != expectedSequence) {
                problemArguments = List.of(expectedSequence, sequence);
                return "chain.problem.sequence-gap";
            }
            if (!e.get(JOURNAL_ENTRY.PREV_HASH).equals(prevHash)) {
                return "chain.problem.link";
            }
            if (e.get(JOURNAL_ENTRY.LINE_COUNT) != lines.size()) {
                problemArguments = List.of(lines.size(), e.get(JOURNAL_ENTRY.LINE_COUNT));
                return "chain.problem.line-count";
            }
            if (version < lastVersion || version > EntryFingerprint.CURRENT_VERSION) {
                problemArguments = List.of(version);
                return "chain.problem.version";
            }
            String recomputed = EntryFingerprint.hash(prevHash, content(e, version, lines));
            return recomputed.equals(e.get(JOURNAL_ENTRY.HASH)) ? null : "chain.problem.altered";
        }

        private EntryFingerprint.Content content(Record e, int version, List<EntryFingerprint.Line> lines) {
            List<EntryFingerprint.Line> hashed = version == 1 ? lines.stream().map(EntryFingerprint::v1Line).toList() : lines;
            return new EntryFingerprint.Content(version, e.get(JOURNAL_ENTRY.COOPERATIVE_ID), cooperativeCode,
                    e.get(JOURNAL_ENTRY.SEQUENCE), e.get(JOURNAL_ENTRY.IDEMPOTENCY_KEY), e.get(JOURNAL_ENTRY.BOOKING_DATE),
                    e.get(JOURNAL_ENTRY.VALUE_DATE), e.get(JOURNAL_ENTRY.DESCRIPTION), e.get(JOURNAL_ENTRY.SOURCE_TYPE),
                    e.get(JOURNAL_ENTRY.SOURCE_REF), e.get(JOURNAL_ENTRY.REVERSES_ENTRY_ID), e.get(REVERSED.SEQUENCE),
                    e.get(JOURNAL_ENTRY.REVERSAL_REASON), e.get(JOURNAL_ENTRY.CREATED_BY),
                    e.get(JOURNAL_ENTRY.CREATED_AT).toInstant(), hashed);
        }

        private void checkHead() {
            Record head = tx.selectFrom(LEDGER_HEAD).where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId)).fetchOne();
            if (head == null || head.get(LEDGER_HEAD.LAST_SEQUENCE) != checked
                    || !head.get(LEDGER_HEAD.LAST_HASH).equals(prevHash)) {
                problemKey = "chain.problem.head";
                brokenAt = checked + 1;
            }
            if (checkpoint != null && checkpointResult == null) {
                checkpointResult = CheckpointResult.NOT_REACHED;
            }
        }
    }

    private static ChainVerification withBalances(DSLContext tx, long cooperativeId, Walk walk,
                                                  @Nullable Checkpoint checkpoint) {
        var sums = tx.select(JOURNAL_LINE.ACCOUNT_ID,
                        DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("D"), JOURNAL_LINE.AMOUNT)).as("d"),
                        DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("C"), JOURNAL_LINE.AMOUNT)).as("c"))
                .from(JOURNAL_LINE).where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId))
                .groupBy(JOURNAL_LINE.ACCOUNT_ID).asTable("s");
        var d = DSL.coalesce(sums.field("d", BigDecimal.class), BigDecimal.ZERO);
        var c = DSL.coalesce(sums.field("c", BigDecimal.class), BigDecimal.ZERO);
        Record4<String, Integer, BigDecimal, BigDecimal> mismatch = tx.select(LEDGER_ACCOUNT.CODE, DSL.inline(1), d, c)
                .from(LEDGER_ACCOUNT).leftJoin(sums).on(sums.field(JOURNAL_LINE.ACCOUNT_ID).eq(LEDGER_ACCOUNT.ID))
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)
                        .and(LEDGER_ACCOUNT.DEBIT_TOTAL.ne(d).or(LEDGER_ACCOUNT.CREDIT_TOTAL.ne(c))))
                .orderBy(LEDGER_ACCOUNT.CODE).limit(1).fetchOne();
        long accounts = tx.fetchCount(LEDGER_ACCOUNT, LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId));
        String mismatched = mismatch != null ? mismatch.value1() : rollupMismatch(tx, cooperativeId);
        boolean balancesOk = mismatched == null;
        String problemKey = walk.problemKey != null ? walk.problemKey : balancesOk ? null : "chain.problem.balance";
        return new ChainVerification(problemKey == null, walk.checked, walk.prevHash, walk.brokenAt, problemKey,
                walk.problemKey != null ? walk.problemArguments : List.of(), balancesOk, accounts,
                mismatched, walk.checkpointResult);
    }

    /**
     * The first general-ledger account whose members' totals, day movements or month movements differ from
     * what the lines say (its own lines and its members' sub-accounts' lines apart), or null.
     */
    private static @Nullable String rollupMismatch(DSLContext tx, long cooperativeId) {
        return tx.fetchOptional("""
                with t as (
                  select case when a.member_id is null then a.id else a.parent_id end as gl, l.value_date,
                         case when a.member_id is null and l.side = 'D' then l.amount else 0 end as od,
                         case when a.member_id is null and l.side = 'C' then l.amount else 0 end as oc,
                         case when a.member_id is null then 1 else 0 end as onum,
                         case when a.member_id is not null and l.side = 'D' then l.amount else 0 end as sd,
                         case when a.member_id is not null and l.side = 'C' then l.amount else 0 end as sc,
                         case when a.member_id is not null then 1 else 0 end as snum
                    from journal_line l join ledger_account a on a.id = l.account_id where l.cooperative_id = {0}),
                days as (select gl, value_date, sum(od) od, sum(oc) oc, sum(onum) onum, sum(sd) sd, sum(sc) sc, sum(snum) snum
                           from t group by 1, 2),
                months as (select gl, date_trunc('month', value_date)::date as month, sum(od) od, sum(oc) oc,
                                  sum(onum) onum, sum(sd) sd, sum(sc) sc, sum(snum) snum from t group by 1, 2),
                subs as (select gl, sum(sd) sd, sum(sc) sc, sum(snum) snum from t group by 1),
                bad as (
                  select coalesce(days.gl, d.account_id) as id
                    from days full join (select * from ledger_day_total where cooperative_id = {0}) d
                      on d.account_id = days.gl and d.value_date = days.value_date
                   where (days.od, days.oc, days.onum, days.sd, days.sc, days.snum)
                         is distinct from (d.own_debit, d.own_credit, d.own_count, d.sub_debit, d.sub_credit, d.sub_count)
                  union all
                  select coalesce(months.gl, m.account_id)
                    from months full join (select * from ledger_month_total where cooperative_id = {0}) m
                      on m.account_id = months.gl and m.month = months.month
                   where (months.od, months.oc, months.onum, months.sd, months.sc, months.snum)
                         is distinct from (m.own_debit, m.own_credit, m.own_count, m.sub_debit, m.sub_credit, m.sub_count)
                  union all
                  select g.id from ledger_account g left join subs on subs.gl = g.id
                   where g.cooperative_id = {0} and g.member_id is null
                     and (coalesce(subs.sd, 0), coalesce(subs.sc, 0), coalesce(subs.snum, 0))
                         is distinct from (g.sub_debit_total, g.sub_credit_total, g.sub_posting_count))
                select a.code from bad join ledger_account a on a.id = bad.id order by a.code limit 1""",
                DSL.val(cooperativeId)).map(r -> r.get(0, String.class)).orElse(null);
    }

    /** Keeps the latest result per cooperative, for {@link #status}. */
    private void record(long cooperativeId, ChainVerification v) {
        ChainCheckRecord latest = new ChainCheckRecord().setCooperativeId(cooperativeId)
                .setCheckedAt(Instant.now(clock).atOffset(ZoneOffset.UTC)).setOk(v.ok()).setEntriesChecked(v.entriesChecked())
                .setHeadHash(v.headFingerprint()).setFirstBroken(v.firstBrokenSequence()).setProblemKey(v.problemKey());
        dsl.insertInto(CHAIN_CHECK).set(latest).onConflict(CHAIN_CHECK.COOPERATIVE_ID).doUpdate().set(latest)
                .execute();
    }
}
