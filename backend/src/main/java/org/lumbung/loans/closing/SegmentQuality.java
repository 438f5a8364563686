package org.lumbung.loans.closing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The quality of one segment of the portfolio (a loan product, a loan officer, or the whole) over a period
 * {@code from}–{@code to}: the stock figures of the last closed day of the period ({@code asOf}) and the flows
 * of the whole period. Amounts are in the cooperative's base currency.
 *
 * <p>Definitions (CGAP, "Microfinance Consensus Guidelines: Definitions of Selected Financial Terms, Ratios
 * and Adjustments", 2003; the Indonesian terms of OJK's asset-quality rules in brackets):
 * <ul>
 * <li>PAR N: outstanding principal of loans with an instalment more than N days late / gross portfolio.</li>
 * <li>Aging: the outstanding principal in each collectibility class (<i>kolektibilitas</i>).</li>
 * <li>Average gross portfolio: the mean of the outstanding principal of every closed day of the period (a
 *     daily average, finer than CGAP's mean of the period's opening and closing balances).</li>
 * <li>Write-off ratio: principal written off with a value date in the period / average gross portfolio (for
 *     the period, not annualised).</li>
 * <li>Portfolio yield: interest, fees and penalties received in cash in the period (repayments, prepayments and
 *     fees deducted at disbursement, less reversals) / average gross portfolio, annualised × 365 / the
 *     period's days (CGAP's nominal yield on gross portfolio; accrued but unpaid interest does not count).</li>
 * <li>Provisions coverage: the allowance for loan losses on the ledger at {@code asOf} / PAR30 (CGAP's risk
 *     coverage ratio). A segment's allowance is the ledger's split in proportion to the provisions its
 *     classes ask for, since the close books one allowance for the whole portfolio. The whole's allowance
 *     against the required provisions (<i>PPAP yang dibentuk / PPAP wajib dibentuk</i>) is
 *     {@link PortfolioBreakdown.Breakdown#provisionRatio}.</li>
 * </ul>
 * A ratio over nothing (no portfolio, no PAR30) is null: there is nothing to measure, which is not 0 %.
 *
 * @param segment the product's id or the officer's user name; null for the whole portfolio
 * @param label   what a reader recognises: the product's code, the officer's user name, empty for the whole
 * @param aging   outstanding principal per class, in the order of {@link Collectibility}
 */
public record SegmentQuality(@Nullable String segment, String label, LocalDate from, LocalDate to, LocalDate asOf, int loans,
                             BigDecimal outstanding, BigDecimal par1Amount, BigDecimal par30Amount, BigDecimal par90Amount,
                             List<BigDecimal> aging, BigDecimal requiredProvision, BigDecimal allowance,
                             BigDecimal averageGross, BigDecimal writtenOff, BigDecimal received) {

    public SegmentQuality {
        aging = List.copyOf(aging);
    }

    public BigDecimal par1Percent() {
        return ClassFigures.percentOf(par1Amount, outstanding);
    }

    public BigDecimal par30Percent() {
        return ClassFigures.percentOf(par30Amount, outstanding);
    }

    public BigDecimal par90Percent() {
        return ClassFigures.percentOf(par90Amount, outstanding);
    }

    public @Nullable BigDecimal writeOffRatio() {
        return ratio(writtenOff, averageGross);
    }

    public @Nullable BigDecimal portfolioYield() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return ratio(received.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(days), MathContext.DECIMAL64), averageGross);
    }

    public @Nullable BigDecimal provisionsCoverage() {
        return ratio(allowance, par30Amount);
    }

    /** A share in percent with two decimals, null over nothing. */
    static @Nullable BigDecimal ratio(BigDecimal amount, BigDecimal base) {
        return base.signum() == 0 ? null
                : amount.multiply(BigDecimal.valueOf(100)).divide(base, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
    }
}
