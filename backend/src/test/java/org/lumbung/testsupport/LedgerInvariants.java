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
        assertThat(rollupMismatches(dsl, cooperativeId)).as("members' totals, day and month movements that differ from their lines")
                .containsExactly(0L, 0L, 0L);
        // every maintained balance equals the sum of its lines, and the chain verifies
        ChainVerification v = verifier.verify(cooperativeId);
        assertThat(v.balancesOk()).as("maintained balances equal their lines").isTrue();
        assertThat(v.ok()).as("chain verifies: %s", v.problem()).isTrue();
    }

    /**
     * How many control accounts' members' totals, day rows and month rows differ from what the lines say
     * (each general-ledger account's own lines and its members' sub-accounts' lines apart).
     */
    static List<Long> rollupMismatches(DSLContext dsl, long cooperativeId) {
        Record r = dsl.fetchOne("""
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
                months as (select gl, date_trunc('month', value_date)::date as month, sum(od) od, sum(oc) oc, sum(onum) onum,
                                  sum(sd) sd, sum(sc) sc, sum(snum) snum from t group by 1, 2),
                subs as (select gl, sum(sd) sd, sum(sc) sc, sum(snum) snum from t group by 1)
                select
                  (select count(*) from days full join (select * from ledger_day_total where cooperative_id = {0}) d
                       on d.account_id = days.gl and d.value_date = days.value_date
                    where (days.od, days.oc, days.onum, days.sd, days.sc, days.snum)
                          is distinct from (d.own_debit, d.own_credit, d.own_count, d.sub_debit, d.sub_credit, d.sub_count)),
                  (select count(*) from months full join (select * from ledger_month_total where cooperative_id = {0}) m
                       on m.account_id = months.gl and m.month = months.month
                    where (months.od, months.oc, months.onum, months.sd, months.sc, months.snum)
                          is distinct from (m.own_debit, m.own_credit, m.own_count, m.sub_debit, m.sub_credit, m.sub_count)),
                  (select count(*) from ledger_account g left join subs on subs.gl = g.id
                    where g.cooperative_id = {0} and g.member_id is null
                      and (coalesce(subs.sd, 0), coalesce(subs.sc, 0), coalesce(subs.snum, 0))
                          is distinct from (g.sub_debit_total, g.sub_credit_total, g.sub_posting_count))""",
                DSL.val(cooperativeId));
        return List.of(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class));
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
