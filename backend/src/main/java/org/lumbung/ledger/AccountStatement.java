package org.lumbung.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A page of an account's statement between two value dates: the opening balance before {@code from},
 * the lines of this page with running balances, the closing balance at {@code to}, and how many lines
 * the whole period has.
 */
public record AccountStatement(Account account, LocalDate from, LocalDate to, BigDecimal openingBalance,
                               BigDecimal closingBalance, long totalLines, int offset, List<StatementLine> lines) {
}
