package org.lumbung.sales;

import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Moving weighted-average cost, pure arithmetic (no database): a receipt adds its quantity and its cost to the
 * position and the average becomes value / quantity; an issue takes value out at that average, rounded once to
 * the currency's minor units, and the last units take exactly the value left, so no rounding residue ever stays
 * in stock. The value of a position is therefore always the sum of what went in and out of the inventory account.
 */
public record WeightedAverage(BigDecimal quantity, BigDecimal value, BigDecimal unitCost) {

    static final int COST_SCALE = 6;

    public static WeightedAverage empty() {
        return new WeightedAverage(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Goods received at a cost (a purchase, a return at its original cost, a count surplus at the average). */
    public WeightedAverage receive(BigDecimal qty, BigDecimal cost) {
        BigDecimal q = quantity.add(qty);
        BigDecimal v = value.add(cost);
        BigDecimal average = q.signum() > 0 ? v.divide(q, COST_SCALE, RoundingMode.HALF_EVEN)
                : cost.divide(qty, COST_SCALE, RoundingMode.HALF_EVEN);
        return new WeightedAverage(q, v, average);
    }

    /** What issuing {@code qty} costs: a share of the value held, or beyond the stock held the last average. */
    public BigDecimal issueCost(BigDecimal qty, String currency) {
        if (quantity.signum() > 0 && qty.compareTo(quantity) == 0) {
            return value;
        }
        if (quantity.signum() > 0 && qty.compareTo(quantity) < 0) {
            return Amounts.round(value.multiply(qty).divide(quantity, 10, RoundingMode.HALF_EVEN), currency);
        }
        BigDecimal held = quantity.signum() > 0 ? quantity : BigDecimal.ZERO;
        BigDecimal heldValue = quantity.signum() > 0 ? value : BigDecimal.ZERO;
        return heldValue.add(Amounts.round(qty.subtract(held).multiply(unitCost), currency));
    }

    /** The position after issuing {@code qty} at {@code cost} (from {@link #issueCost}); the average stays. */
    public WeightedAverage issue(BigDecimal qty, BigDecimal cost) {
        return new WeightedAverage(quantity.subtract(qty), value.subtract(cost), unitCost);
    }
}
