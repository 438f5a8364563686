package org.lumbung.loans.schedule;

import java.math.BigDecimal;

/** What period a product's nominal interest rate is quoted for. */
public enum RatePeriod {
    MONTH(12),
    YEAR(1);

    private final int perYear;

    RatePeriod(int perYear) {
        this.perYear = perYear;
    }

    /**
     * The nominal yearly rate as a fraction (not a percentage): a monthly rate times 12, a yearly rate as it is.
     * Exact: 1.5 % per month is 0.18.
     */
    public BigDecimal yearlyFraction(BigDecimal ratePercent) {
        return ratePercent.multiply(BigDecimal.valueOf(perYear)).movePointLeft(2);
    }
}
