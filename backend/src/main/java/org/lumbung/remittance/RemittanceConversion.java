package org.lumbung.remittance;

import org.lumbung.fx.FxConversions;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;

/**
 * The arithmetic of a remittance, exact and in one place (the form shows it as the teller types, the service books
 * it). The amount received is {@code sentAmount × rate}, computed exactly and rounded once, HALF_EVEN, to the
 * cooperative currency's ISO minor units ({@link Amounts#round}). The cash rounding of the cooperative (IDR to whole
 * rupiah, say) applies only to cash paid out over the counter ({@link FxConversions#cash}).
 */
public final class RemittanceConversion {

    private RemittanceConversion() {
    }

    /** The amount received in the cooperative's currency: sent × rate, rounded half-even to its minor units. */
    public static BigDecimal received(BigDecimal sentAmount, BigDecimal rate, String receivedCurrency) {
        BigDecimal received = FxConversions.convert(sentAmount, rate, receivedCurrency);
        DomainException.require(received.signum() > 0, "remittance.received.zero", sentAmount.toPlainString());
        return received;
    }
}
