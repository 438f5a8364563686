package org.lumbung.loans.schedule;

import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product's fee (biaya administrasi, provisi).
 *
 * @param value an amount for FIXED, a percentage of the principal (0 to 100, at most 6 decimals) for PERCENT
 */
public record Fee(FeeKind kind, BigDecimal value, FeeTiming timing) {

    private static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(100);

    public Fee {
        DomainException.require(kind != null && timing != null, "loans.terms.fee.missing");
        BigDecimal max = kind == FeeKind.PERCENT ? MAX_PERCENT : Amounts.MAX_AMOUNT;
        DomainException.require(value != null && value.signum() >= 0 && value.compareTo(max) <= 0
                        && (value.scale() <= 6 || value.stripTrailingZeros().scale() <= 6),
                "loans.terms.fee.value-out-of-range", value == null ? "null" : value.toString());
    }

    /** The fee on a principal: the fixed value, or round(principal × value / 100) HALF_EVEN to minor units. */
    public BigDecimal amountOn(BigDecimal principal, String currency) {
        BigDecimal raw = kind == FeeKind.FIXED ? value : principal.multiply(value).movePointLeft(2);
        return raw.setScale(Amounts.minorUnits(currency), Amounts.ROUNDING);
    }

    /** The cash a borrower receives: the principal less the fees deducted at disbursement. */
    public static BigDecimal netDisbursed(BigDecimal principal, String currency, List<Fee> fees) {
        return principal.subtract(sum(principal, currency, fees, FeeTiming.DEDUCTED_AT_DISBURSEMENT));
    }

    /** The principal to schedule: the amount applied for plus the fees added to the loan. */
    public static BigDecimal financedPrincipal(BigDecimal principal, String currency, List<Fee> fees) {
        return principal.add(sum(principal, currency, fees, FeeTiming.ADDED_TO_LOAN));
    }

    private static BigDecimal sum(BigDecimal principal, String currency, List<Fee> fees, FeeTiming timing) {
        return fees.stream().filter(f -> f.timing() == timing).map(f -> f.amountOn(principal, currency))
                .reduce(BigDecimal.ZERO.setScale(Amounts.minorUnits(currency)), BigDecimal::add);
    }
}
