package org.lumbung.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The cash flow statement (laporan arus kas) of one currency for a period, by the indirect method, beside the same
 * period a year earlier: the surplus, the costs that moved no cash added back (allowance for loan losses,
 * depreciation), the changes of the other assets and liabilities of operations (member loans, savings, payables),
 * investing (fixed assets) and financing (members' capital, grants, the surplus distributed and paid out). Cash is
 * the cash and bank accounts (foreign ones in their currency). The operating, investing and financing flows add up to
 * the change of cash exactly (asserted when it is made).
 */
public record CashFlowStatement(long cooperativeId, String currency, LocalDate from, LocalDate to,
                                LocalDate previousFrom, LocalDate previousTo, List<StatementLine> adjustments,
                                List<StatementLine> operating, List<StatementLine> investing,
                                List<StatementLine> financing, Totals totals, Totals previousTotals) {

    public CashFlowStatement {
        adjustments = List.copyOf(adjustments);
        operating = List.copyOf(operating);
        investing = List.copyOf(investing);
        financing = List.copyOf(financing);
        if (!totals.reconciled() || !previousTotals.reconciled()) {
            throw new IllegalStateException("the cash flow of " + currency + " from " + from + " to " + to
                    + " does not reconcile with the cash accounts: " + totals + " / " + previousTotals);
        }
    }

    /** The section totals; {@code operating} includes the surplus and the adjustments. */
    public record Totals(BigDecimal surplus, BigDecimal operating, BigDecimal investing, BigDecimal financing,
                         BigDecimal openingCash, BigDecimal closingCash) {

        public BigDecimal netChange() {
            return operating.add(investing).add(financing);
        }

        public boolean reconciled() {
            return openingCash.add(netChange()).compareTo(closingCash) == 0;
        }
    }
}
