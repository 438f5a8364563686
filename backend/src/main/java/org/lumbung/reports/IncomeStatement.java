package org.lumbung.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The statement of surplus (perhitungan hasil usaha) of one currency for a period, beside the same period a
 * year earlier: income and expense lines and the surplus (SHU), income less expenses. The year-end close and
 * its reopening are not income or expenses of any period, so they are left out.
 */
public record IncomeStatement(long cooperativeId, String currency, LocalDate from, LocalDate to,
                              LocalDate previousFrom, LocalDate previousTo, List<StatementLine> income,
                              List<StatementLine> expenses, Totals totals, Totals previousTotals) {

    public IncomeStatement {
        income = List.copyOf(income);
        expenses = List.copyOf(expenses);
    }

    public record Totals(BigDecimal income, BigDecimal expenses) {
        public BigDecimal surplus() {
            return income.subtract(expenses);
        }
    }
}
