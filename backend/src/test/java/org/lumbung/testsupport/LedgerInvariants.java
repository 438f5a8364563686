package org.lumbung.testsupport;

import org.jooq.DSLContext;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.ledger.ChainVerifier;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/** The ledger's invariants, checked from the stored rows, independently of the services' own code. */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void assertHold(DSLContext dsl, ChainVerifier verifier, long cooperativeId) {
        // every entry balances in each currency
        List<Record> unbalanced = dsl.select(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.CURRENCY).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId))
                .groupBy(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.CURRENCY)
                .having(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("D"), JOURNAL_LINE.AMOUNT).otherwise(JOURNAL_LINE.AMOUNT.neg()))
                        .ne(BigDecimal.ZERO))
                .fetch().map(r -> r);
        assertThat(unbalanced).as("unbalanced entries").isEmpty();
        // no constraint flag is ever violated
        int violations = dsl.fetchCount(LEDGER_ACCOUNT, LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(
                LEDGER_ACCOUNT.DEBITS_MUST_NOT_EXCEED_CREDITS.isTrue().and(LEDGER_ACCOUNT.DEBIT_TOTAL.gt(LEDGER_ACCOUNT.CREDIT_TOTAL))
                        .or(LEDGER_ACCOUNT.CREDITS_MUST_NOT_EXCEED_DEBITS.isTrue().and(LEDGER_ACCOUNT.CREDIT_TOTAL.gt(LEDGER_ACCOUNT.DEBIT_TOTAL)))));
        assertThat(violations).as("accounts beyond their constraint").isZero();
        // sequences are gapless and the head is the last entry
        Record seq = dsl.select(DSL.count(), DSL.coalesce(DSL.max(JOURNAL_ENTRY.SEQUENCE), 0L)).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId)).fetchOne();
        assertThat(seq.get(1, Long.class)).as("gapless sequence").isEqualTo(seq.get(0, Integer.class).longValue());
        assertThat(dsl.select(LEDGER_HEAD.LAST_SEQUENCE).from(LEDGER_HEAD).where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId))
                .fetchOne(LEDGER_HEAD.LAST_SEQUENCE)).isEqualTo(seq.get(1, Long.class));
        // every maintained balance equals the sum of its lines, and the chain verifies
        ChainVerification v = verifier.verify(cooperativeId);
        assertThat(v.balancesOk()).as("maintained balances equal their lines").isTrue();
        assertThat(v.ok()).as("chain verifies: %s", v.problemKey()).isTrue();
    }

    /** Entry count and every account's totals: what a refused request must leave unchanged. */
    public static Map<String, List<BigDecimal>> state(DSLContext dsl, long cooperativeId) {
        Map<String, List<BigDecimal>> state = new java.util.TreeMap<>();
        dsl.select(LEDGER_ACCOUNT.CODE, LEDGER_ACCOUNT.DEBIT_TOTAL, LEDGER_ACCOUNT.CREDIT_TOTAL).from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId))
                .forEach(r -> state.put(r.value1(), List.of(r.value2(), r.value3())));
        state.put("#entries", List.of(BigDecimal.valueOf(dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId)))));
        return state;
    }
}
