package org.lumbung.remittance;

/** Where a part of a remittance goes, in the cooperative's currency. */
public enum AllocationKind {
    /** Paid out over the counter to the family (the cooperative's cash rounding applies to this part only). */
    CASH,
    /** Deposited into one of the member's savings accounts (voluntary or mandatory). */
    SAVINGS,
    /** A repayment of one of the member's loans, split as the loans feature splits it. */
    LOAN_REPAYMENT,
    /** The cooperative's fee for handling the remittance. */
    FEE
}
