package org.lumbung.ledger;

import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trial balance as of a date: each account's debit and credit turnover and its net balance placed in
 * the debit or credit column; per currency, the debit column equals the credit column.
 *
 * <p>Rolled up (the default), it lists every postable general-ledger account, a control account's line
 * being its own postings plus its members' sub-accounts. In detail it lists the sub-ledger too: every
 * postable account on its own, a page of {@code rows} out of {@code rowCount}, with the totals of all of
 * them. Both have the same turnovers per currency; their columns differ only where a sub-account stands
 * on the other side of its control account (a member's overpaid loan), which detail shows.
 */
public record TrialBalance(long cooperativeId, LocalDate asOf, boolean detail, int offset, long rowCount,
                           List<Row> rows, Map<String, Totals> totals) {

    public record Row(String code, String nameEn, String nameId, AccountType type, String currency,
                      BigDecimal debitTurnover, BigDecimal creditTurnover, BigDecimal debit, BigDecimal credit) {

        /** A line from the turnovers: the net balance goes to the debit or the credit column. */
        static Row of(String code, String nameEn, String nameId, AccountType type, String currency,
                      BigDecimal debitTurnover, BigDecimal creditTurnover) {
            BigDecimal dt = Amounts.normalise(debitTurnover, currency);
            BigDecimal ct = Amounts.normalise(creditTurnover, currency);
            BigDecimal net = dt.subtract(ct);
            BigDecimal zero = Amounts.normalise(BigDecimal.ZERO, currency);
            return new Row(code, nameEn, nameId, type, currency, dt, ct, net.signum() > 0 ? net : zero,
                    net.signum() < 0 ? net.negate() : zero);
        }
    }

    public record Totals(String currency, BigDecimal debit, BigDecimal credit, BigDecimal debitTurnover,
                         BigDecimal creditTurnover) {
        public boolean balanced() {
            return debit.compareTo(credit) == 0;
        }

        Totals plus(Totals other) {
            return new Totals(currency, debit.add(other.debit), credit.add(other.credit),
                    debitTurnover.add(other.debitTurnover), creditTurnover.add(other.creditTurnover));
        }
    }

    public boolean balanced() {
        return totals.values().stream().allMatch(Totals::balanced);
    }

    /** Per currency, the sums of the rows' columns and turnovers. */
    static Map<String, Totals> totalsOf(Collection<Row> rows) {
        Map<String, Totals> totals = new TreeMap<>();
        for (Row r : rows) {
            totals.merge(r.currency(), new Totals(r.currency(), r.debit(), r.credit(), r.debitTurnover(), r.creditTurnover()),
                    Totals::plus);
        }
        return totals;
    }
}
