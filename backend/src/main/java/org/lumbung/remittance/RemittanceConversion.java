package org.lumbung.remittance;

import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of a remittance, exact and in one place (the form shows it as the teller types, the service books
 * it). The amount received is {@code sentAmount × rate}, computed exactly and rounded once, HALF_EVEN, to the
 * cooperative currency's ISO minor units ({@link Amounts#round}). The cash rounding of the cooperative (IDR to whole
 * rupiah, say) applies only to cash paid out over the counter, HALF_EVEN to its increment.
 */
public final class RemittanceConversion {

    private RemittanceConversion() {
    }

    /** The amount received in the cooperative's currency: sent × rate, rounded half-even to its minor units. */
    public static BigDecimal received(BigDecimal sentAmount, BigDecimal rate, String receivedCurrency) {
        BigDecimal received = Amounts.round(sentAmount.multiply(rate), receivedCurrency);
        DomainException.require(received.signum() > 0, "remittance.received.zero", sentAmount.toPlainString());
        return received;
    }

    /** Cash handed out for an amount: rounded half-even to the cash increment (an increment of null or 0 rounds nothing). */
    public static BigDecimal cashPaid(BigDecimal amount, BigDecimal increment) {
        if (increment == null || increment.signum() <= 0) {
            return amount;
        }
        BigDecimal units = amount.divide(increment, 0, RoundingMode.HALF_EVEN);
        return units.multiply(increment).setScale(amount.scale(), RoundingMode.UNNECESSARY);
    }
}
