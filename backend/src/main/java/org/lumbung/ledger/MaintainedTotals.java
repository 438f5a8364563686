package org.lumbung.ledger;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LEDGER_DAY_TOTAL;
import static org.lumbung.db.jooq.Tables.LEDGER_MONTH_TOTAL;

/**
 * Debit and credit totals as of a date from what the posting trigger maintains, never from the whole
 * history: today's totals on each account (and its members' on each control account); for a past date,
 * the month movements before the date's month plus the day movements of that month up to the date — at
 * most a few dozen rows per general-ledger account, however many lines were posted and whether or not
 * a month was ever closed. A member's sub-account, which has few lines, is read from its lines.
 */
final class MaintainedTotals {

    /** Debit and credit turnover through a date. */
    record Turnover(BigDecimal debit, BigDecimal credit) {
        static final Turnover NONE = new Turnover(BigDecimal.ZERO, BigDecimal.ZERO);

        Turnover minus(Turnover other) {
            return new Turnover(debit.subtract(other.debit), credit.subtract(other.credit));
        }
    }

    private final DSLContext dsl;

    MaintainedTotals(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Whether anything of the cooperative is dated after {@code asOf}: if not, today's totals are the answer. */
    boolean movedAfter(long cooperativeId, LocalDate asOf) {
        return dsl.fetchExists(LEDGER_DAY_TOTAL, LEDGER_DAY_TOTAL.COOPERATIVE_ID.eq(cooperativeId)
                .and(LEDGER_DAY_TOTAL.VALUE_DATE.gt(asOf)));
    }

    /**
     * Turnover through {@code asOf} of every general-ledger account of the cooperative (header or not),
     * by account id: with {@code withMembers}, a control account's includes its members' sub-accounts.
     */
    Map<Long, Turnover> generalAccounts(long cooperativeId, LocalDate asOf, boolean withMembers) {
        Map<Long, Turnover> turnovers = new HashMap<>();
        if (!movedAfter(cooperativeId, asOf)) {
            Field<BigDecimal> d = withMembers ? LEDGER_ACCOUNT.DEBIT_TOTAL.plus(LEDGER_ACCOUNT.SUB_DEBIT_TOTAL) : LEDGER_ACCOUNT.DEBIT_TOTAL;
            Field<BigDecimal> c = withMembers ? LEDGER_ACCOUNT.CREDIT_TOTAL.plus(LEDGER_ACCOUNT.SUB_CREDIT_TOTAL) : LEDGER_ACCOUNT.CREDIT_TOTAL;
            dsl.select(LEDGER_ACCOUNT.ID, d, c).from(LEDGER_ACCOUNT)
                    .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.isNull()))
                    .forEach(r -> turnovers.put(r.value1(), new Turnover(r.value2(), r.value3())));
            return turnovers;
        }
        movements(LEDGER_MONTH_TOTAL.COOPERATIVE_ID.eq(cooperativeId), LEDGER_DAY_TOTAL.COOPERATIVE_ID.eq(cooperativeId),
                asOf, withMembers).forEach(r -> turnovers.put(r.value1(), new Turnover(r.value2(), r.value3())));
        return turnovers;
    }

    /** Own turnover of one account through {@code asOf} (a control account without its members). */
    Turnover account(Account account, LocalDate asOf) {
        if (account.memberId() != null) {
            return memberLines(JOURNAL_LINE.ACCOUNT_ID.eq(account.id()).and(JOURNAL_LINE.VALUE_DATE.le(asOf)))
                    .getOrDefault(account.id(), Turnover.NONE);
        }
        return movements(LEDGER_MONTH_TOTAL.ACCOUNT_ID.eq(account.id()), LEDGER_DAY_TOTAL.ACCOUNT_ID.eq(account.id()),
                asOf, false).stream().findFirst().map(r -> new Turnover(r.value2(), r.value3())).orElse(Turnover.NONE);
    }

    /** Per account, the turnover of its lines dated after {@code asOf} (to take off today's totals). */
    Map<Long, Turnover> after(Collection<Long> accountIds, LocalDate asOf) {
        return memberLines(JOURNAL_LINE.ACCOUNT_ID.in(accountIds).and(JOURNAL_LINE.VALUE_DATE.gt(asOf)));
    }

    private Map<Long, Turnover> memberLines(Condition which) {
        Map<Long, Turnover> turnovers = new HashMap<>();
        dsl.select(JOURNAL_LINE.ACCOUNT_ID, sumOf("D"), sumOf("C")).from(JOURNAL_LINE).where(which)
                .groupBy(JOURNAL_LINE.ACCOUNT_ID)
                .forEach(r -> turnovers.put(r.value1(), new Turnover(r.value2(), r.value3())));
        return turnovers;
    }

    static Field<BigDecimal> sumOf(String side) {
        return DSL.coalesce(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq(side), JOURNAL_LINE.AMOUNT)), BigDecimal.ZERO);
    }

    /** Months before the date's month, then the days of that month through the date, summed per account. */
    private Result<Record3<Long, BigDecimal, BigDecimal>> movements(Condition months, Condition days,
                                                                             LocalDate asOf, boolean withMembers) {
        LocalDate monthStart = asOf.withDayOfMonth(1);
        var m = LEDGER_MONTH_TOTAL;
        var d = LEDGER_DAY_TOTAL;
        Table<?> rows = DSL.select(m.ACCOUNT_ID.as("id"), withMembers ? m.OWN_DEBIT.plus(m.SUB_DEBIT) : m.OWN_DEBIT,
                        withMembers ? m.OWN_CREDIT.plus(m.SUB_CREDIT) : m.OWN_CREDIT)
                .from(m).where(months.and(m.MONTH.lt(monthStart)))
                .unionAll(DSL.select(d.ACCOUNT_ID, withMembers ? d.OWN_DEBIT.plus(d.SUB_DEBIT) : d.OWN_DEBIT,
                                withMembers ? d.OWN_CREDIT.plus(d.SUB_CREDIT) : d.OWN_CREDIT)
                        .from(d).where(days.and(d.VALUE_DATE.between(monthStart, asOf))))
                .asTable("movement", "id", "debit", "credit");
        Field<Long> id = rows.field("id", Long.class);
        return dsl.select(id, DSL.sum(rows.field("debit", BigDecimal.class)), DSL.sum(rows.field("credit", BigDecimal.class)))
                .from(rows).groupBy(id).fetch();
    }

    /**
     * The trial balance's rows as of the end of {@code asOf}: every postable general-ledger account in code
     * order, with {@code withMembers} a control account's line including its members' sub-accounts.
     */
    List<TrialBalance.Row> generalRows(long cooperativeId, LocalDate asOf, boolean withMembers) {
        Map<Long, Turnover> turnovers = generalAccounts(cooperativeId, asOf, withMembers);
        return dsl.select(LEDGER_ACCOUNT.ID, LEDGER_ACCOUNT.CODE, LEDGER_ACCOUNT.NAME_EN, LEDGER_ACCOUNT.NAME_ID,
                        LEDGER_ACCOUNT.TYPE, LEDGER_ACCOUNT.CURRENCY)
                .from(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.isNull())
                        .and(LEDGER_ACCOUNT.HEADER.isFalse()))
                .orderBy(LEDGER_ACCOUNT.CODE)
                .fetch(r -> {
                    Turnover t = turnovers.getOrDefault(r.value1(), Turnover.NONE);
                    return TrialBalance.Row.of(r.value2(), r.value3(), r.value4(), AccountType.valueOf(r.value5()),
                            r.value6(), t.debit(), t.credit());
                });
    }
}
