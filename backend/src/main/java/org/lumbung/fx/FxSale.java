package org.lumbung.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Foreign currency sold for the cooperative's currency: foreign cash to a money changer ({@link Holding#CASH}, the
 * rupiah into the cash box) or a foreign bank balance converted at the bank ({@link Holding#BANK}, into the bank
 * account). {@code proceeds} is what came in, in the cooperative's currency. The key makes a second submission
 * answer the first.
 */
public record FxSale(String currency, BigDecimal amount, BigDecimal proceeds, Holding from, LocalDate valueDate,
                     String idempotencyKey) {

    public enum Holding { CASH, BANK }
}
