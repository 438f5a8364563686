package org.lumbung.savings;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a savings command booked: the transaction (with its receipt number), the account's balance after
 * it, and warnings the treasurer should see (message keys of the errors bundle with their arguments).
 */
public record Booked(SavingsTransaction transaction, BigDecimal balanceAfter, List<Warning> warnings, boolean replayed) {

    public Booked(SavingsTransaction transaction, BigDecimal balanceAfter, List<Warning> warnings) {
        this(transaction, balanceAfter, warnings, false);
    }

    /** A rule that did not refuse the booking but should be looked at, e.g. the 20 % equity limit. */
    public record Warning(String messageKey, List<Object> arguments) {
    }
}
