package org.lumbung.reports;

import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.platform.i18n.DateText;
import org.lumbung.platform.i18n.Messages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement laid out for reading, in one language: the title and period, the two amount columns (this period
 * and the comparative one), and the rows — section headings, account lines, section totals and the closing
 * line (assets = liabilities + equity; the surplus). The screen, the PDF and the XLSX show the same table.
 */
public record StatementTable(String cooperative, String title, String period, String currency, String current,
                             String previous, List<Row> rows) {

    public enum Kind { HEADING, LINE, TOTAL, RESULT }

    /** A row; {@code code} is set on account lines only (drill-down to the account's entries). */
    public record Row(Kind kind, @Nullable String code, String label, @Nullable BigDecimal amount,
                      @Nullable BigDecimal previous) {
    }

    public static StatementTable of(Cooperative c, BalanceSheet s, Locale locale) {
        List<Row> rows = new ArrayList<>();
        section(rows, "statement.assets", "statement.assets.total", s.assets(), s.totals().assets(), s.previousTotals().assets(), locale);
        section(rows, "statement.liabilities", "statement.liabilities.total", s.liabilities(), s.totals().liabilities(),
                s.previousTotals().liabilities(), locale);
        section(rows, "statement.equity", "statement.equity.total", s.equity(), s.totals().equity(), s.previousTotals().equity(), locale);
        rows.add(new Row(Kind.RESULT, null, text("statement.liabilities-and-equity", locale),
                s.totals().liabilities().add(s.totals().equity()), s.previousTotals().liabilities().add(s.previousTotals().equity())));
        return new StatementTable(c.name(), text("statement.balance-sheet", locale),
                text("statement.as-of", locale, DateText.date(s.asOf(), locale)), s.currency(),
                DateText.date(s.asOf(), locale), DateText.date(s.previousAsOf(), locale), rows);
    }

    public static StatementTable of(Cooperative c, IncomeStatement s, Locale locale) {
        List<Row> rows = new ArrayList<>();
        section(rows, "statement.income", "statement.income.total", s.income(), s.totals().income(), s.previousTotals().income(), locale);
        section(rows, "statement.expenses", "statement.expenses.total", s.expenses(), s.totals().expenses(),
                s.previousTotals().expenses(), locale);
        rows.add(new Row(Kind.RESULT, null, text("statement.surplus", locale), s.totals().surplus(), s.previousTotals().surplus()));
        return new StatementTable(c.name(), text("statement.income-statement", locale),
                period(s.from(), s.to(), locale), s.currency(), period(s.from(), s.to(), locale),
                period(s.previousFrom(), s.previousTo(), locale), rows);
    }

    public static StatementTable of(Cooperative c, CashFlowStatement s, Locale locale) {
        List<Row> rows = new ArrayList<>();
        CashFlowStatement.Totals now = s.totals();
        CashFlowStatement.Totals before = s.previousTotals();
        rows.add(new Row(Kind.HEADING, null, text("statement.cash-flow.operating", locale), null, null));
        rows.add(new Row(Kind.LINE, null, text("statement.cash-flow.surplus", locale), now.surplus(), before.surplus()));
        s.adjustments().forEach(l -> rows.add(line(l, "statement.cash-flow.added-back", locale)));
        s.operating().forEach(l -> rows.add(line(l, "statement.cash-flow.change", locale)));
        rows.add(new Row(Kind.TOTAL, null, text("statement.cash-flow.operating.total", locale), now.operating(), before.operating()));
        section(rows, "statement.cash-flow.investing", "statement.cash-flow.investing.total", s.investing(), now.investing(),
                before.investing(), locale);
        section(rows, "statement.cash-flow.financing", "statement.cash-flow.financing.total", s.financing(), now.financing(),
                before.financing(), locale);
        rows.add(new Row(Kind.TOTAL, null, text("statement.cash-flow.net", locale), now.netChange(), before.netChange()));
        rows.add(new Row(Kind.LINE, null, text("statement.cash-flow.opening", locale), now.openingCash(), before.openingCash()));
        rows.add(new Row(Kind.RESULT, null, text("statement.cash-flow.closing", locale), now.closingCash(), before.closingCash()));
        return new StatementTable(c.name(), text("statement.cash-flow", locale), period(s.from(), s.to(), locale), s.currency(),
                period(s.from(), s.to(), locale), period(s.previousFrom(), s.previousTo(), locale), rows);
    }

    /** Each equity account as a block (opening, additions, reductions, surplus, closing), then total equity. */
    public static StatementTable of(Cooperative c, EquityChanges s, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (EquityChanges.Component k : s.components()) {
            movement(rows, k.code(), k.code() + " " + k.name(locale), k.now(), k.previous(), Kind.TOTAL, locale);
        }
        movement(rows, null, text("statement.equity.total", locale), s.total(), s.previousTotal(), Kind.RESULT, locale);
        return new StatementTable(c.name(), text("statement.equity-changes", locale), period(s.from(), s.to(), locale),
                s.currency(), period(s.from(), s.to(), locale), period(s.previousFrom(), s.previousTo(), locale), rows);
    }

    private static void movement(List<Row> rows, @Nullable String code, String heading, EquityChanges.Movement now,
                                 EquityChanges.Movement before, Kind closing, Locale locale) {
        rows.add(new Row(Kind.HEADING, null, heading, null, null));
        rows.add(new Row(Kind.LINE, code, text("statement.equity-changes.opening", locale), now.opening(), before.opening()));
        rows.add(new Row(Kind.LINE, code, text("statement.equity-changes.additions", locale), now.additions(), before.additions()));
        rows.add(new Row(Kind.LINE, code, text("statement.equity-changes.reductions", locale), now.reductions().negate(),
                before.reductions().negate()));
        if (now.surplus().signum() != 0 || before.surplus().signum() != 0) {
            rows.add(new Row(Kind.LINE, code, text("statement.cash-flow.surplus", locale), now.surplus(), before.surplus()));
        }
        rows.add(new Row(closing, null, text("statement.equity-changes.closing", locale), now.closing(), before.closing()));
    }

    /**
     * The trial balance of one currency: every general-ledger account that takes postings with its debit or credit
     * balance (members' sub-accounts rolled up), and the two totals, which are equal.
     */
    public static StatementTable of(Cooperative c, TrialBalance tb, String currency, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (TrialBalance.Row r : tb.rows()) {
            if (r.currency().equals(currency) && (r.debit().signum() != 0 || r.credit().signum() != 0)) {
                rows.add(new Row(Kind.LINE, r.code(), r.code() + " " + ("id".equals(locale.getLanguage()) ? r.nameId() : r.nameEn()),
                        r.debit(), r.credit()));
            }
        }
        TrialBalance.Totals totals = tb.totals().get(currency);
        if (totals != null) {
            rows.add(new Row(Kind.RESULT, null, text("statement.trial-balance.total", locale), totals.debit(), totals.credit()));
        }
        return new StatementTable(c.name(), text("statement.trial-balance", locale),
                text("statement.as-of", locale, DateText.date(tb.asOf(), locale)), currency,
                text("statement.debit", locale), text("statement.credit", locale), rows);
    }

    private static Row line(StatementLine l, String labelKey, Locale locale) {
        return new Row(Kind.LINE, l.code(), text(labelKey, locale, l.code() + " " + l.name(locale)), l.amount(), l.previous());
    }

    private static void section(List<Row> rows, String headingKey, String totalKey, List<StatementLine> lines,
                                BigDecimal total, BigDecimal previousTotal, Locale locale) {
        rows.add(new Row(Kind.HEADING, null, text(headingKey, locale), null, null));
        lines.forEach(l -> rows.add(new Row(Kind.LINE, l.code(), l.code() + " " + l.name(locale), l.amount(), l.previous())));
        rows.add(new Row(Kind.TOTAL, null, text(totalKey, locale), total, previousTotal));
    }

    private static String period(LocalDate from, LocalDate to, Locale locale) {
        return DateText.date(from, locale) + " – " + DateText.date(to, locale);
    }

    private static String text(String key, Locale locale, Object... arguments) {
        return Messages.get(key, locale, arguments);
    }
}
