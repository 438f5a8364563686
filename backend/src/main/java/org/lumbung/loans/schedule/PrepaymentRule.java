package org.lumbung.loans.schedule;

/** What interest a borrower owes when she repays the whole loan before its end; see {@link Payoff}. */
public enum PrepaymentRule {
    /** The current period's interest pro rata to the payment date (by the product's day count). */
    INTEREST_TO_PAYMENT_DATE,
    /** The whole scheduled interest of the current period, whatever the day. */
    CURRENT_PERIOD_INTEREST
}
