package org.lumbung.ledger;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
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

import static org.lumbung.db.jooq.Tables.ACCOUNTING_PERIOD;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.PERIOD_BALANCE;

/**
 * Reading the ledger: the journal, statements, balances as of a date and the trial balance.
 * A balance as of a date is the snapshot of the last closed month ending on or before it plus the
 * postings since, so it stays fast however long the history.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class LedgerQueries {

    private final DSLContext dsl;
    private final ChartOfAccounts chart;

    public LedgerQueries(DSLContext dsl, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.chart = chart;
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

    /** Debit and credit totals of one account through {@code asOf} (inclusive), from snapshot plus postings. */
    public BigDecimal[] totalsAsOf(long cooperativeId, long accountId, LocalDate asOf) {
        LocalDate snapshot = latestSnapshotOnOrBefore(cooperativeId, asOf);
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        LocalDate after = null;
        if (snapshot != null) {
            Record base = dsl.select(PERIOD_BALANCE.DEBIT_TOTAL, PERIOD_BALANCE.CREDIT_TOTAL).from(PERIOD_BALANCE)
                    .where(PERIOD_BALANCE.ACCOUNT_ID.eq(accountId).and(PERIOD_BALANCE.PERIOD_START.eq(snapshot)))
                    .fetchOne();
            if (base != null) {
                debit = base.get(PERIOD_BALANCE.DEBIT_TOTAL);
                credit = base.get(PERIOD_BALANCE.CREDIT_TOTAL);
            }
            after = snapshot.plusMonths(1).minusDays(1);
        }
        Condition range = JOURNAL_LINE.ACCOUNT_ID.eq(accountId).and(JOURNAL_LINE.VALUE_DATE.le(asOf));
        if (after != null) {
            range = range.and(JOURNAL_LINE.VALUE_DATE.gt(after));
        }
        Record sums = dsl.select(sumOf("D"), sumOf("C")).from(JOURNAL_LINE).where(range).fetchOne();
        return new BigDecimal[]{debit.add(sums.get(0, BigDecimal.class)), credit.add(sums.get(1, BigDecimal.class))};
    }

    /** The normal-side balance of an account at the end of {@code asOf}. */
    public BigDecimal balanceAsOf(long cooperativeId, String accountCode, LocalDate asOf) {
        Account account = chart.account(cooperativeId, accountCode);
        BigDecimal[] t = totalsAsOf(cooperativeId, account.id(), asOf);
        return Amounts.normalise(Account.normalBalance(account.type(), t[0], t[1]), account.currency());
    }

    private static Field<BigDecimal> sumOf(String side) {
        return DSL.coalesce(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq(side), JOURNAL_LINE.AMOUNT)), BigDecimal.ZERO);
    }

    private LocalDate latestSnapshotOnOrBefore(long cooperativeId, LocalDate asOf) {
        // a month's snapshot holds totals through its last day
        return dsl.select(DSL.max(ACCOUNTING_PERIOD.PERIOD_START)).from(ACCOUNTING_PERIOD)
                .where(ACCOUNTING_PERIOD.COOPERATIVE_ID.eq(cooperativeId)
                        .and(ACCOUNTING_PERIOD.PERIOD_START.le(asOf.plusDays(1).withDayOfMonth(1).minusMonths(1))))
                .fetchOne(0, LocalDate.class);
    }

    public AccountStatement statement(long cooperativeId, String accountCode, LocalDate from, LocalDate to,
                                      int offset, int limit) {
        requirePage(offset, limit);
        DomainException.require(from != null && to != null && !from.isAfter(to), "ledger.statement.dates");
        Account account = chart.account(cooperativeId, accountCode);
        BigDecimal[] opening = totalsAsOf(cooperativeId, account.id(), from.minusDays(1));
        BigDecimal openingBalance = Account.normalBalance(account.type(), opening[0], opening[1]);
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

    /** The trial balance per currency as of the end of {@code asOf}, over every postable account. */
    public TrialBalance trialBalance(long cooperativeId, LocalDate asOf) {
        DomainException.require(asOf != null, "ledger.as-of.missing");
        LocalDate snapshot = latestSnapshotOnOrBefore(cooperativeId, asOf);
        LocalDate after = snapshot == null ? null : snapshot.plusMonths(1).minusDays(1);
        Condition lineRange = JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_LINE.VALUE_DATE.le(asOf));
        if (after != null) {
            lineRange = lineRange.and(JOURNAL_LINE.VALUE_DATE.gt(after));
        }
        var movements = dsl.select(JOURNAL_LINE.ACCOUNT_ID, sumOf("D").as("d"), sumOf("C").as("c"))
                .from(JOURNAL_LINE).where(lineRange).groupBy(JOURNAL_LINE.ACCOUNT_ID).asTable("m");
        Field<BigDecimal> md = movements.field("d", BigDecimal.class);
        Field<BigDecimal> mc = movements.field("c", BigDecimal.class);
        Field<Long> mAccount = movements.field(JOURNAL_LINE.ACCOUNT_ID);
        Field<BigDecimal> debitTurnover = DSL.coalesce(PERIOD_BALANCE.DEBIT_TOTAL, BigDecimal.ZERO).plus(DSL.coalesce(md, BigDecimal.ZERO));
        Field<BigDecimal> creditTurnover = DSL.coalesce(PERIOD_BALANCE.CREDIT_TOTAL, BigDecimal.ZERO).plus(DSL.coalesce(mc, BigDecimal.ZERO));
        List<TrialBalance.Row> rows = new ArrayList<>();
        Map<String, BigDecimal[]> perCurrency = new TreeMap<>();
        dsl.select(LEDGER_ACCOUNT.CODE, LEDGER_ACCOUNT.NAME_EN, LEDGER_ACCOUNT.NAME_ID, LEDGER_ACCOUNT.TYPE,
                        LEDGER_ACCOUNT.CURRENCY, debitTurnover.as("dt"), creditTurnover.as("ct"))
                .from(LEDGER_ACCOUNT)
                .leftJoin(PERIOD_BALANCE).on(PERIOD_BALANCE.ACCOUNT_ID.eq(LEDGER_ACCOUNT.ID)
                        .and(snapshot == null ? DSL.falseCondition() : PERIOD_BALANCE.PERIOD_START.eq(snapshot)))
                .leftJoin(movements).on(mAccount.eq(LEDGER_ACCOUNT.ID))
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.HEADER.isFalse()))
                .orderBy(LEDGER_ACCOUNT.CODE)
                .limit(LedgerLimits.MAX_ACCOUNTS)
                .forEach(r -> {
                    String currency = r.get(LEDGER_ACCOUNT.CURRENCY);
                    BigDecimal dt = Amounts.normalise(r.get("dt", BigDecimal.class), currency);
                    BigDecimal ct = Amounts.normalise(r.get("ct", BigDecimal.class), currency);
                    BigDecimal net = dt.subtract(ct);
                    BigDecimal debit = net.signum() > 0 ? net : Amounts.normalise(BigDecimal.ZERO, currency);
                    BigDecimal credit = net.signum() < 0 ? net.negate() : Amounts.normalise(BigDecimal.ZERO, currency);
                    rows.add(new TrialBalance.Row(r.get(LEDGER_ACCOUNT.CODE), r.get(LEDGER_ACCOUNT.NAME_EN),
                            r.get(LEDGER_ACCOUNT.NAME_ID), AccountType.valueOf(r.get(LEDGER_ACCOUNT.TYPE)), currency,
                            dt, ct, debit, credit));
                    BigDecimal[] sum = perCurrency.computeIfAbsent(currency, c -> new BigDecimal[]{
                            Amounts.normalise(BigDecimal.ZERO, c), Amounts.normalise(BigDecimal.ZERO, c)});
                    sum[0] = sum[0].add(debit);
                    sum[1] = sum[1].add(credit);
                });
        Map<String, TrialBalance.Totals> totals = new TreeMap<>();
        perCurrency.forEach((c, s) -> totals.put(c, new TrialBalance.Totals(c, s[0], s[1])));
        return new TrialBalance(cooperativeId, asOf, rows, totals);
    }

    private static void requirePage(int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= LedgerLimits.MAX_PAGE, "page.invalid",
                LedgerLimits.MAX_PAGE);
    }
}
