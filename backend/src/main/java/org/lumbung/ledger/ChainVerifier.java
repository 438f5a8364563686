package org.lumbung.ledger;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * Recomputes a cooperative's hash chain from the stored entries and lines, in sequence order, streaming
 * (constant memory for any length), and checks that the maintained balances equal the sums of lines.
 * An auditor writes down the head fingerprint and checks it again later: any change to any earlier
 * entry changes every hash after it.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class ChainVerifier {

    private static final int FETCH_SIZE = 2_000;

    private final DSLContext dsl;

    public ChainVerifier(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ChainVerification verify(long cooperativeId) {
        return dsl.transactionResult(configuration -> verify(configuration.dsl(), cooperativeId));
    }

    private ChainVerification verify(DSLContext tx, long cooperativeId) {
        // A repeatable snapshot: the chain and the balances are checked as of one moment.
        tx.execute("set transaction isolation level repeatable read, read only");
        Record head = tx.selectFrom(LEDGER_HEAD).where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId)).fetchOne();
        long expectedSequence = 1;
        String prevHash = EntryFingerprint.GENESIS;
        long checked = 0;
        try (Cursor<Record> rows = tx.select(JOURNAL_ENTRY.asterisk(), JOURNAL_LINE.LINE_NO, LEDGER_ACCOUNT.CODE,
                        JOURNAL_LINE.SIDE, JOURNAL_LINE.AMOUNT, JOURNAL_LINE.CURRENCY)
                .from(JOURNAL_ENTRY)
                .join(JOURNAL_LINE).on(JOURNAL_LINE.ENTRY_ID.eq(JOURNAL_ENTRY.ID))
                .join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(JOURNAL_ENTRY.SEQUENCE, JOURNAL_LINE.LINE_NO)
                .fetchSize(FETCH_SIZE)
                .fetchLazy()) {
            Record current = null;
            List<EntryFingerprint.Line> lines = new ArrayList<>();
            while (true) {
                Record r = rows.fetchNext();
                if (current != null && (r == null || !r.get(JOURNAL_ENTRY.ID).equals(current.get(JOURNAL_ENTRY.ID)))) {
                    String problem = checkEntry(current, lines, expectedSequence, prevHash);
                    long sequence = current.get(JOURNAL_ENTRY.SEQUENCE);
                    if (problem != null) {
                        return withBalances(tx, cooperativeId, false, checked, prevHash, sequence, problem);
                    }
                    prevHash = current.get(JOURNAL_ENTRY.HASH);
                    expectedSequence++;
                    checked++;
                    lines.clear();
                }
                if (r == null) {
                    break;
                }
                current = r;
                String currency = r.get(JOURNAL_LINE.CURRENCY);
                lines.add(new EntryFingerprint.Line(r.get(JOURNAL_LINE.LINE_NO), r.get(LEDGER_ACCOUNT.CODE),
                        Side.ofCode(r.get(JOURNAL_LINE.SIDE)), normaliseForHash(r.get(JOURNAL_LINE.AMOUNT), currency), currency));
            }
        }
        String problem = null;
        Long broken = null;
        if (head == null || head.get(LEDGER_HEAD.LAST_SEQUENCE) != checked
                || !head.get(LEDGER_HEAD.LAST_HASH).equals(prevHash)) {
            problem = "the ledger head does not match the last entry (missing or extra entries)";
            broken = checked + 1;
        }
        return withBalances(tx, cooperativeId, problem == null, checked, prevHash, broken, problem);
    }

    /** An amount altered to more decimals than its currency has still hashes as it is, so it is caught. */
    private static BigDecimal normaliseForHash(BigDecimal stored, String currency) {
        int digits = Amounts.minorUnits(currency);
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() <= digits ? stored.setScale(digits) : stripped;
    }

    private static String checkEntry(Record e, List<EntryFingerprint.Line> lines, long expectedSequence, String prevHash) {
        long sequence = e.get(JOURNAL_ENTRY.SEQUENCE);
        if (sequence != expectedSequence) {
            return "sequence gap: expected " + expectedSequence + ", found " + sequence;
        }
        if (!e.get(JOURNAL_ENTRY.PREV_HASH).equals(prevHash)) {
            return "the link to the previous entry does not match";
        }
        if (e.get(JOURNAL_ENTRY.LINE_COUNT) != lines.size()) {
            return "the entry has " + lines.size() + " lines, it was sealed with " + e.get(JOURNAL_ENTRY.LINE_COUNT);
        }
        String recomputed = EntryFingerprint.hash(prevHash, new EntryFingerprint.Content(
                e.get(JOURNAL_ENTRY.COOPERATIVE_ID), sequence, e.get(JOURNAL_ENTRY.IDEMPOTENCY_KEY),
                e.get(JOURNAL_ENTRY.BOOKING_DATE), e.get(JOURNAL_ENTRY.VALUE_DATE), e.get(JOURNAL_ENTRY.DESCRIPTION),
                e.get(JOURNAL_ENTRY.SOURCE_TYPE), e.get(JOURNAL_ENTRY.SOURCE_REF), e.get(JOURNAL_ENTRY.REVERSES_ENTRY_ID),
                e.get(JOURNAL_ENTRY.REVERSAL_REASON), e.get(JOURNAL_ENTRY.CREATED_BY),
                e.get(JOURNAL_ENTRY.CREATED_AT).toInstant(), List.copyOf(lines)));
        if (!recomputed.equals(e.get(JOURNAL_ENTRY.HASH))) {
            return "the content no longer matches its hash (altered after posting)";
        }
        return null;
    }

    private ChainVerification withBalances(DSLContext tx, long cooperativeId, boolean chainOk, long checked,
                                           String head, Long broken, String problem) {
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
        return new ChainVerification(chainOk && balancesOk, checked, head, broken,
                problem != null ? problem : balancesOk ? null : "maintained balance differs from its lines",
                balancesOk, accounts, mismatch == null ? null : mismatch.value1());
    }
}
