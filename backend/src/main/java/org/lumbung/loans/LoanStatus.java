package org.lumbung.loans;

/** Where a loan is in its life: applied → approved or rejected → active → closed or written off. */
public enum LoanStatus {
    APPLIED, APPROVED, REJECTED, ACTIVE, CLOSED, WRITTEN_OFF;

    /** Counts against the product's limit of loans per member, and blocks the linked savings when ACTIVE. */
    public boolean open() {
        return this == APPLIED || this == APPROVED || this == ACTIVE;
    }
}
