package org.lumbung.ledger;

import java.math.BigDecimal;

/** One line of a posting request: the amount is in the account's currency. */
public record PostingLine(String accountCode, Side side, BigDecimal amount) {

    public static PostingLine debit(String accountCode, BigDecimal amount) {
        return new PostingLine(accountCode, Side.DEBIT, amount);
    }

    public static PostingLine credit(String accountCode, BigDecimal amount) {
        return new PostingLine(accountCode, Side.CREDIT, amount);
    }
}
