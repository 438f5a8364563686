package org.lumbung.loans;

/** Where a loan is in its life: applied → approved or rejected → active → closed or written off. */
public enum LoanStatus {
    APPLIED, APPROVED, REJECTED, ACTIVE, CLOSED, WRITTEN_OFF
}
