package org.lumbung.ledger;

import java.math.BigDecimal;

/** A posted journal line; the amount carries exactly the currency's minor units. */
public record EntryLine(int lineNo, long accountId, String accountCode, Side side, BigDecimal amount, String currency) {
}
