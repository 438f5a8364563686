package org.lumbung.ledger;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.lumbung.db.jooq.tables.JournalEntry;
import org.lumbung.ledger.ChainVerification.Checkpoint;
import org.lumbung.ledger.ChainVerification.CheckpointResult;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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
 * that the maintained balances equal the sums of lines. An auditor writes down the head fingerprint (or a
 * closed month's, printed on its closing report) and later checks that today's chain still passes
 * through it: any change to any earlier entry changes every hash after it.
 *
 * <p>Every full verification is recorded (chain_check), so the dashboard can warn of a broken chain by
 * reading that record and checking only the entries posted since ({@link #status}).
 */
@Service
@PreAuthorize(Permissions.READ)
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
    public ChainVerification verify(long cooperativeId, Checkpoint checkpoint) {
        ChainVerification v = dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            // A repeatable snapshot: the chain and the balances are checked as of one moment.
            tx.execute("set transaction isolation level repeatable read, read only");
            Walk walk = new Walk(tx, cooperativeId, 0, EntryFingerprint.GENESIS, checkpoint).run();
            return withBalances(tx, cooperativeId, walk, checkpoint);
        });
        record(cooperativeId, v);
        return v;
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
        private final Checkpoint checkpoint;
        private final String cooperativeCode;
        long expectedSequence;
        String prevHash;
        long checked;
        Long brokenAt;
        String problemKey;
        List<Object> problemArguments = List.of();
        CheckpointResult checkpointResult;
        private int lastVersion = 1;

        Walk(DSLContext tx, long cooperativeId, long fromSequence, String fromHash, Checkpoint checkpoint) {
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

        private String problemOf(Record e, List<EntryFingerprint.Line> lines) {
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
            List<EntryFingerprint.Line> hashed = version == 1 ? lines.stream().map(Walk::v1Amount).toList() : lines;
            return new EntryFingerprint.Content(version, e.get(JOURNAL_ENTRY.COOPERATIVE_ID), cooperativeCode,
                    e.get(JOURNAL_ENTRY.SEQUENCE), e.get(JOURNAL_ENTRY.IDEMPOTENCY_KEY), e.get(JOURNAL_ENTRY.BOOKING_DATE),
                    e.get(JOURNAL_ENTRY.VALUE_DATE), e.get(JOURNAL_ENTRY.DESCRIPTION), e.get(JOURNAL_ENTRY.SOURCE_TYPE),
                    e.get(JOURNAL_ENTRY.SOURCE_REF), e.get(JOURNAL_ENTRY.REVERSES_ENTRY_ID), e.get(REVERSED.SEQUENCE),
                    e.get(JOURNAL_ENTRY.REVERSAL_REASON), e.get(JOURNAL_ENTRY.CREATED_BY),
                    e.get(JOURNAL_ENTRY.CREATED_AT).toInstant(), hashed);
        }

        /**
         * Version 1 hashed amounts with the currency's minor units; an amount altered to more decimals than
         * its currency has still hashes as it is, so it is caught.
         */
        private static EntryFingerprint.Line v1Amount(EntryFingerprint.Line l) {
            int digits = Amounts.minorUnits(l.currency());
            BigDecimal stripped = l.amount().stripTrailingZeros();
            BigDecimal hashed = stripped.scale() <= digits ? l.amount().setScale(digits) : stripped;
            return new EntryFingerprint.Line(l.lineNo(), l.accountCode(), l.side(), hashed, l.currency());
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

    private ChainVerification withBalances(DSLContext tx, long cooperativeId, Walk walk, Checkpoint checkpoint) {
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
        boolean balancesOk = mismatch == null;
        String problemKey = walk.problemKey != null ? walk.problemKey : balancesOk ? null : "chain.problem.balance";
        return new ChainVerification(problemKey == null, walk.checked, walk.prevHash, walk.brokenAt, problemKey,
                walk.problemKey != null ? walk.problemArguments : List.of(), balancesOk, accounts,
                mismatch == null ? null : mismatch.value1(), walk.checkpointResult);
    }

    /** Keeps the latest result per cooperative, for {@link #status}. */
    private void record(long cooperativeId, ChainVerification v) {
        var at = Instant.now(clock).atOffset(ZoneOffset.UTC);
        dsl.insertInto(CHAIN_CHECK)
                .set(CHAIN_CHECK.COOPERATIVE_ID, cooperativeId)
                .set(CHAIN_CHECK.CHECKED_AT, at)
                .set(CHAIN_CHECK.OK, v.ok())
                .set(CHAIN_CHECK.ENTRIES_CHECKED, v.entriesChecked())
                .set(CHAIN_CHECK.HEAD_HASH, v.headFingerprint())
                .set(CHAIN_CHECK.FIRST_BROKEN, v.firstBrokenSequence())
                .set(CHAIN_CHECK.PROBLEM_KEY, v.problemKey())
                .onConflict(CHAIN_CHECK.COOPERATIVE_ID).doUpdate()
                .set(CHAIN_CHECK.CHECKED_AT, at)
                .set(CHAIN_CHECK.OK, v.ok())
                .set(CHAIN_CHECK.ENTRIES_CHECKED, v.entriesChecked())
                .set(CHAIN_CHECK.HEAD_HASH, v.headFingerprint())
                .set(CHAIN_CHECK.FIRST_BROKEN, v.firstBrokenSequence())
                .set(CHAIN_CHECK.PROBLEM_KEY, v.problemKey())
                .execute();
    }
}
