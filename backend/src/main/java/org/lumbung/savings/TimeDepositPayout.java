package org.lumbung.savings;

import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;

/**
 * A time deposit paid out on a date: its balance, the interest earned since a run last paid it, the penalty before
 * maturity. The deposit leaves whole ({@link #amount}); the member takes {@link #cash}, the penalty stays as income.
 */
public record TimeDepositPayout(BigDecimal balance, BigDecimal interest, BigDecimal penalty, String currency) {

    /** What leaves the account, and what the treasurer enters: balance and interest. */
    public BigDecimal amount() {
        return Amounts.round(balance.add(interest), currency);
    }

    /** What the member is handed. */
    public BigDecimal cash() {
        return Amounts.round(amount().subtract(penalty), currency);
    }
}
