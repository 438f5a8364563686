package org.lumbung.ledger;

import java.math.BigDecimal;

/** What was posted to an account with one value date: the debits and the credits, each summed. */
public record DayMovement(BigDecimal debit, BigDecimal credit) {
}
