package org.lumbung.loans.closing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The portfolio figures of one class, or of the whole portfolio ({@code collectibility} empty): loans,
 * outstanding principal, PAR1/PAR30/PAR90 as amounts and counts, and the provision its rate asks for.
 */
public record ClassFigures(@Nullable Collectibility collectibility, int loans, BigDecimal outstanding, BigDecimal par1Amount,
                           int par1Loans, BigDecimal par30Amount, int par30Loans, BigDecimal par90Amount, int par90Loans,
                           BigDecimal provision) {

    /** A PAR amount as a share of a gross portfolio, in percent with two decimals (0 for an empty portfolio). */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal gross) {
        return gross.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : amount.multiply(BigDecimal.valueOf(100)).divide(gross, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
    }
}
