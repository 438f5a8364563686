package org.lumbung.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A line of an account statement with the balance after it (on the account's normal side). */
public record StatementLine(long entryId, long sequence, LocalDate valueDate, String description, Side side,
                            BigDecimal amount, BigDecimal balanceAfter) {
}
