package org.lumbung.sales;

import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Quantities of goods: at most three decimals (grams of a kilogram), at most a million units at once. */
final class Quantities {

    static final BigDecimal MAX = new BigDecimal("1000000");
    static final int SCALE = 3;

    private Quantities() {
    }

    /** A quantity as entered: positive (or zero when allowed), bounded, at most three decimals; scaled to three. */
    static BigDecimal requireCount(BigDecimal quantity, boolean zeroAllowed) {
        DomainException.require(quantity != null, "sales.quantity.invalid", MAX.toPlainString());
        DomainException.require(quantity.abs().compareTo(MAX) <= 0 && (quantity.signum() > 0 || zeroAllowed && quantity.signum() == 0)
                && quantity.stripTrailingZeros().scale() <= SCALE, "sales.quantity.invalid", MAX.toPlainString());
        return quantity.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
