package org.lumbung.loans.schedule;

/** When a fee is paid: taken from the cash disbursed, or added to the principal and repaid with the loan. */
public enum FeeTiming {
    DEDUCTED_AT_DISBURSEMENT,
    ADDED_TO_LOAN
}
