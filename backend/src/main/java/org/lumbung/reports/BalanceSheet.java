package org.lumbung.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The balance sheet (neraca) of one currency at the end of {@code asOf}, beside the same date a year earlier.
 * Equity's line of the current year's surplus (SHU tahun berjalan) includes income less expenses not yet
 * closed, so the sheet reads the same before and after the year-end close, and assets = liabilities + equity
 * exactly (asserted when it is made).
 */
public record BalanceSheet(long cooperativeId, String currency, LocalDate asOf, LocalDate previousAsOf,
                           List<StatementLine> assets, List<StatementLine> liabilities, List<StatementLine> equity,
                           Totals totals, Totals previousTotals) {

    public BalanceSheet {
        assets = List.copyOf(assets);
        liabilities = List.copyOf(liabilities);
        equity = List.copyOf(equity);
        if (!totals.balanced() || !previousTotals.balanced()) {
            throw new IllegalStateException("the balance sheet of " + currency + " as of " + asOf
                    + " does not balance: " + totals + " / " + previousTotals);
        }
    }

    public record Totals(BigDecimal assets, BigDecimal liabilities, BigDecimal equity) {
        public boolean balanced() {
            return assets.compareTo(liabilities.add(equity)) == 0;
        }
    }
}
