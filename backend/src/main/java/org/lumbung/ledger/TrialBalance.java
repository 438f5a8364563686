package org.lumbung.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The trial balance as of a date: each postable account's debit and credit turnover and its net balance
 * placed in the debit or credit column; per currency, the debit column equals the credit column.
 */
public record TrialBalance(long cooperativeId, LocalDate asOf, List<Row> rows, Map<String, Totals> totals) {

    public record Row(String code, String nameEn, String nameId, AccountType type, String currency,
                      BigDecimal debitTurnover, BigDecimal creditTurnover, BigDecimal debit, BigDecimal credit) {
    }

    public record Totals(String currency, BigDecimal debit, BigDecimal credit) {
        public boolean balanced() {
            return debit.compareTo(credit) == 0;
        }
    }

    public boolean balanced() {
        return totals.values().stream().allMatch(Totals::balanced);
    }
}
