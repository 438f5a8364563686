package org.lumbung.platform.i18n;

import java.math.BigDecimal;

/**
 * An amount with its currency given to a message ({@code DomainException}'s arguments): the message writes it the
 * reader's way, "Rp 250.000,00" in Indonesian and "IDR 250,000.00" in English, where a plain decimal would read
 * "250000.00" in both.
 */
public record MoneyArgument(BigDecimal amount, String currency) {

    public static MoneyArgument of(BigDecimal amount, String currency) {
        return new MoneyArgument(amount, currency);
    }

    /** As a log or an exception's own text shows it. */
    @Override
    public String toString() {
        return currency + " " + amount.toPlainString();
    }
}
