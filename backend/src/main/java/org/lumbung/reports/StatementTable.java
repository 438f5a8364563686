package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;
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
    public record Row(Kind kind, String code, String label, BigDecimal amount, BigDecimal previous) {
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
