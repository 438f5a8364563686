package org.lumbung.loans.schedule;

/** How a late-payment penalty grows; see {@link Penalties#forOverdue}. */
public enum PenaltyKind {
    /** value % of the overdue amount for each day late beyond the grace days. */
    PERCENT_PER_DAY,
    /** value % of the overdue amount for each started 30-day month late beyond the grace days. */
    PERCENT_PER_MONTH,
    /** value (an amount in the loan's currency) once, when the grace days have passed. */
    FIXED
}
