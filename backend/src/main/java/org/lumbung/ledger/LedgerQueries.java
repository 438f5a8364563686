package org.lumbung.ledger;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.lumbung.db.jooq.tables.JournalLine;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;

/**
 * Reading the ledger: the journal, statements, balances as of a date and the trial balance.
 * Balances as of a date come from the maintained totals and month and day movements
 * ({@link MaintainedTotals}), so they stay fast however long the history, closed months or not.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class LedgerQueries {

    private final DSLContext dsl;
    private final ChartOfAccounts chart;
    private final MaintainedTotals maintained;

    public LedgerQueries(DSLContext dsl, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.chart = chart;
        this.maintained = new MaintainedTotals(dsl);
    }

    public int journalCount(long cooperativeId, JournalFilter filter) {
        return dsl.fetchCount(JOURNAL_ENTRY, journalCondition(cooperativeId, filter));
    }

    /** Newest first, as a treasurer reads a journal. */
    public List<JournalRow> journalPage(long cooperativeId, JournalFilter filter, int offset, int limit) {
        requirePage(offset, limit);
        JournalLine l = JOURNAL_LINE.as("l");
        Field<BigDecimal> debits = DSL.select(DSL.sum(l.AMOUNT)).from(l)
                .where(l.ENTRY_ID.eq(JOURNAL_ENTRY.ID).and(l.SIDE.eq("D"))).asField("debits");
        Field<String> currencies = DSL.select(DSL.field("string_agg(distinct {0}, ',')", String.class, l.CURRENCY))
                .from(l).where(l.ENTRY_ID.eq(JOURNAL_ENTRY.ID)).asField("currencies");
        org.lumbung.db.jooq.tables.JournalEntry rev = JOURNAL_ENTRY.as("rev");
        Field<Boolean> reversed = DSL.field(DSL.exists(DSL.selectOne().from(rev)
                .where(rev.REVERSES_ENTRY_ID.eq(JOURNAL_ENTRY.ID)))).as("reversed");
        return dsl.select(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.SEQUENCE, JOURNAL_ENTRY.VALUE_DATE, JOURNAL_ENTRY.BOOKING_DATE,
                        JOURNAL_ENTRY.DESCRIPTION, JOURNAL_ENTRY.SOURCE_TYPE, JOURNAL_ENTRY.SOURCE_REF,
                        JOURNAL_ENTRY.CREATED_BY, JOURNAL_ENTRY.REVERSES_ENTRY_ID, debits, currencies, reversed)
                .from(JOURNAL_ENTRY)
                .where(journalCondition(cooperativeId, filter))
                .orderBy(JOURNAL_ENTRY.SEQUENCE.desc())
                .offset(offset).limit(limit)
                .fetch(r -> {
                    String cur = r.get(currencies);
                    BigDecimal total = r.get(debits);
                    boolean single = cur != null && !cur.contains(",");
                    return new JournalRow(r.get(JOURNAL_ENTRY.ID), r.get(JOURNAL_ENTRY.SEQUENCE),
                            r.get(JOURNAL_ENTRY.VALUE_DATE), r.get(JOURNAL_ENTRY.BOOKING_DATE),
                            r.get(JOURNAL_ENTRY.DESCRIPTION), r.get(JOURNAL_ENTRY.SOURCE_TYPE),
                            r.get(JOURNAL_ENTRY.SOURCE_REF), r.get(JOURNAL_ENTRY.CREATED_BY),
                            single ? Amounts.normalise(total, cur) : null, cur,
                            r.get(JOURNAL_ENTRY.REVERSES_ENTRY_ID), r.get(reversed));
                });
    }

    private Condition journalCondition(long cooperativeId, JournalFilter f) {
        Condition c = JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId);
        if (f.from() != null) {
            c = c.and(JOURNAL_ENTRY.VALUE_DATE.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(JOURNAL_ENTRY.VALUE_DATE.le(f.to()));
        }
        if (f.sourceType() != null && !f.sourceType().isBlank()) {
            c = c.and(JOURNAL_ENTRY.SOURCE_TYPE.eq(f.sourceType()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String text = f.text().strip();
            DomainException.require(text.length() <= 100, "ledger.filter.text.too-long");
            c = c.and(JOURNAL_ENTRY.DESCRIPTION.containsIgnoreCase(text).or(JOURNAL_ENTRY.SOURCE_REF.eq(text)));
        }
        if (f.accountCode() != null && !f.accountCode().isBlank()) {
            Account account = chart.find(cooperativeId, f.accountCode().strip()).orElse(null);
            if (account == null) {
                return DSL.falseCondition();
            }
            c = c.and(DSL.exists(DSL.selectOne().from(JOURNAL_LINE)
                    .where(JOURNAL_LINE.ENTRY_ID.eq(JOURNAL_ENTRY.ID).and(JOURNAL_LINE.ACCOUNT_ID.eq(account.id())))));
        }
        return c;
    }

    /** The normal-side balance of an account at the end of {@code asOf} (a control account's own, without its members). */
    public BigDecimal balanceAsOf(long cooperativeId, String accountCode, LocalDate asOf) {
        DomainException.require(asOf != null, "ledger.as-of.missing");
        Account account = chart.account(cooperativeId, accountCode);
        MaintainedTotals.Turnover t = maintained.account(account, asOf);
        return Amounts.normalise(Account.normalBalance(account.type(), t.debit(), t.credit()), account.currency());
    }

    /** The debits and credits of an account's own postings with that value date (the day's cash in and out). */
    public DayMovement movementsOn(long cooperativeId, String accountCode, LocalDate day) {
        DomainException.require(day != null, "ledger.as-of.missing");
        Account account = chart.account(cooperativeId, accountCode);
        Record r = dsl.select(DSL.coalesce(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("D"), JOURNAL_LINE.AMOUNT)), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("C"), JOURNAL_LINE.AMOUNT)), BigDecimal.ZERO))
                .from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_LINE.ACCOUNT_ID.eq(account.id()))
                        .and(JOURNAL_LINE.VALUE_DATE.eq(day)))
                .fetchOne();
        return new DayMovement(Amounts.normalise(r.get(0, BigDecimal.class), account.currency()),
                Amounts.normalise(r.get(1, BigDecimal.class), account.currency()));
    }

    public AccountStatement statement(long cooperativeId, String accountCode, LocalDate from, LocalDate to,
                                      int offset, int limit) {
        requirePage(offset, limit);
        DomainException.require(from != null && to != null && !from.isAfter(to), "ledger.statement.dates");
        Account account = chart.account(cooperativeId, accountCode);
        MaintainedTotals.Turnover opening = maintained.account(account, from.minusDays(1));
        BigDecimal openingBalance = Account.normalBalance(account.type(), opening.debit(), opening.credit());
        Condition inRange = JOURNAL_LINE.ACCOUNT_ID.eq(account.id()).and(JOURNAL_LINE.VALUE_DATE.between(from, to));
        Field<BigDecimal> signed = DSL.when(JOURNAL_LINE.SIDE.eq(account.type().debitNormal() ? "D" : "C"), JOURNAL_LINE.AMOUNT)
                .otherwise(JOURNAL_LINE.AMOUNT.neg());
        Field<BigDecimal> running = DSL.sum(signed).over()
                .orderBy(JOURNAL_LINE.VALUE_DATE, JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO)
                .rowsBetweenUnboundedPreceding().andCurrentRow().as("running");
        Record totals = dsl.select(DSL.count(), DSL.coalesce(DSL.sum(signed), BigDecimal.ZERO))
                .from(JOURNAL_LINE).where(inRange).fetchOne();
        List<StatementLine> lines = new ArrayList<>();
        dsl.select(JOURNAL_LINE.ENTRY_ID, JOURNAL_ENTRY.SEQUENCE, JOURNAL_LINE.VALUE_DATE, JOURNAL_ENTRY.DESCRIPTION,
                        JOURNAL_LINE.SIDE, JOURNAL_LINE.AMOUNT, running)
                .from(JOURNAL_LINE).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(inRange)
                .orderBy(JOURNAL_LINE.VALUE_DATE, JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO)
                .offset(offset).limit(limit)
                .forEach(r -> lines.add(new StatementLine(r.get(JOURNAL_LINE.ENTRY_ID), r.get(JOURNAL_ENTRY.SEQUENCE),
                        r.get(JOURNAL_LINE.VALUE_DATE), r.get(JOURNAL_ENTRY.DESCRIPTION),
                        Side.ofCode(r.get(JOURNAL_LINE.SIDE)),
                        Amounts.normalise(r.get(JOURNAL_LINE.AMOUNT), account.currency()),
                        Amounts.normalise(openingBalance.add(r.get(running)), account.currency()))));
        return new AccountStatement(account, from, to, Amounts.normalise(openingBalance, account.currency()),
                Amounts.normalise(openingBalance.add(totals.get(1, BigDecimal.class)), account.currency()),
                totals.get(0, Long.class), offset, lines);
    }

    /**
     * The trial balance as of the end of {@code asOf}: every postable general-ledger account, a control
     * account's line being its own postings plus its members' sub-accounts. From maintained figures only
     * (see {@link MaintainedTotals}); never truncated.
     */
    public TrialBalance trialBalance(long cooperativeId, LocalDate asOf) {
        DomainException.require(asOf != null, "ledger.as-of.missing");
        List<TrialBalance.Row> rows = maintained.generalRows(cooperativeId, asOf, true);
        return new TrialBalance(cooperativeId, asOf, false, 0, rows.size(), rows, TrialBalance.totalsOf(rows));
    }

    /**
     * The trial balance in detail: a page of every postable account in code order (each member's
     * sub-account under its control account, which shows its own postings only), the number of them and
     * the totals of all of them.
     */
    public TrialBalance trialBalanceDetail(long cooperativeId, LocalDate asOf, int offset, int limit) {
        return new TrialBalance(cooperativeId, asOf, true, offset, detailCount(cooperativeId),
                detailRows(cooperativeId, asOf, offset, limit), detailTotals(cooperativeId, asOf));
    }

    /** How many lines the detailed trial balance has: every postable account. */
    public long detailCount(long cooperativeId) {
        return dsl.fetchCount(LEDGER_ACCOUNT, LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.HEADER.isFalse()));
    }

    /** One page of the detailed trial balance, in code order. */
    public List<TrialBalance.Row> detailRows(long cooperativeId, LocalDate asOf, int offset, int limit) {
        DomainException.require(asOf != null, "ledger.as-of.missing");
        requirePage(offset, limit);
        List<Account> page = dsl.selectFrom(LEDGER_ACCOUNT)
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.HEADER.isFalse()))
                .orderBy(LEDGER_ACCOUNT.CODE).offset(offset).limit(limit)
                .fetch(ChartOfAccounts::toAccount);
        Map<Long, MaintainedTotals.Turnover> general = page.stream().anyMatch(a -> a.memberId() == null)
                ? maintained.generalAccounts(cooperativeId, asOf, false) : Map.of();
        List<Long> memberIds = page.stream().filter(a -> a.memberId() != null).map(Account::id).toList();
        Map<Long, MaintainedTotals.Turnover> later = memberIds.isEmpty() ? Map.of() : maintained.after(memberIds, asOf);
        return page.stream().map(a -> {
            MaintainedTotals.Turnover t = a.memberId() == null
                    ? general.getOrDefault(a.id(), MaintainedTotals.Turnover.NONE)
                    : new MaintainedTotals.Turnover(a.debitTotal(), a.creditTotal())
                            .minus(later.getOrDefault(a.id(), MaintainedTotals.Turnover.NONE));
            return TrialBalance.Row.of(a.code(), a.nameEn(), a.nameId(), a.type(), a.currency(), t.debit(), t.credit());
        }).toList();
    }

    /**
     * The totals of the detailed trial balance: the general-ledger accounts' own lines plus every member's
     * sub-account on its own (today's totals less its lines dated after {@code asOf}).
     */
    public Map<String, TrialBalance.Totals> detailTotals(long cooperativeId, LocalDate asOf) {
        DomainException.require(asOf != null, "ledger.as-of.missing");
        Map<String, TrialBalance.Totals> sums = new TreeMap<>(TrialBalance.totalsOf(maintained.generalRows(cooperativeId, asOf, false)));
        Field<BigDecimal> debit = LEDGER_ACCOUNT.DEBIT_TOTAL;
        Field<BigDecimal> credit = LEDGER_ACCOUNT.CREDIT_TOTAL;
        Table<?> members;
        if (maintained.movedAfter(cooperativeId, asOf)) {
            var later = dsl.select(JOURNAL_LINE.ACCOUNT_ID, MaintainedTotals.sumOf("D").as("d"), MaintainedTotals.sumOf("C").as("c"))
                    .from(JOURNAL_LINE)
                    .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_LINE.VALUE_DATE.gt(asOf)))
                    .groupBy(JOURNAL_LINE.ACCOUNT_ID).asTable("later");
            members = dsl.select(LEDGER_ACCOUNT.CURRENCY,
                            debit.minus(DSL.coalesce(later.field("d", BigDecimal.class), BigDecimal.ZERO)).as("d"),
                            credit.minus(DSL.coalesce(later.field("c", BigDecimal.class), BigDecimal.ZERO)).as("c"))
                    .from(LEDGER_ACCOUNT).leftJoin(later).on(later.field(JOURNAL_LINE.ACCOUNT_ID).eq(LEDGER_ACCOUNT.ID))
                    .where(memberAccounts(cooperativeId)).asTable("m");
        } else {
            members = dsl.select(LEDGER_ACCOUNT.CURRENCY, debit.as("d"), credit.as("c")).from(LEDGER_ACCOUNT)
                    .where(memberAccounts(cooperativeId)).asTable("m");
        }
        Field<String> currency = members.field(LEDGER_ACCOUNT.CURRENCY);
        Field<BigDecimal> d = members.field("d", BigDecimal.class);
        Field<BigDecimal> c = members.field("c", BigDecimal.class);
        dsl.select(currency, DSL.sum(DSL.greatest(d.minus(c), DSL.inline(BigDecimal.ZERO))),
                        DSL.sum(DSL.greatest(c.minus(d), DSL.inline(BigDecimal.ZERO))), DSL.sum(d), DSL.sum(c))
                .from(members).groupBy(currency)
                .forEach(r -> {
                    String cur = r.value1();
                    sums.merge(cur, new TrialBalance.Totals(cur, Amounts.normalise(r.value2(), cur),
                            Amounts.normalise(r.value3(), cur), Amounts.normalise(r.value4(), cur),
                            Amounts.normalise(r.value5(), cur)), TrialBalance.Totals::plus);
                });
        return sums;
    }

    private static Condition memberAccounts(long cooperativeId) {
        return LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.MEMBER_ID.isNotNull());
    }

    private static void requirePage(int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= LedgerLimits.MAX_PAGE, "page.invalid",
                LedgerLimits.MAX_PAGE);
    }
}
