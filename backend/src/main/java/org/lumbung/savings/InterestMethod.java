package org.lumbung.savings;

/**
 * How jasa simpanan is computed for a period. Rates are yearly percentages; the result is rounded once,
 * half-even, to the currency's minor units (the one rounding rule of {@code Amounts}).
 */
public enum InterestMethod {
    /** No interest (share capital and mandatory savings earn a share of the SHU instead). */
    NONE,
    /** Σ over the days of the period of the end-of-day balance × rate / 100 / 365. */
    DAILY_BALANCE,
    /** Σ over the months of the period of the month's lowest balance × rate / 100 / 12. */
    MIN_MONTHLY_BALANCE
}
