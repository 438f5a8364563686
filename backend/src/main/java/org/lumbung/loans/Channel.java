package org.lumbung.loans;

/**
 * Where the money of a disbursement or repayment comes from or goes: the cash box or the linked savings,
 * entered by staff; or a remittance, whose allocation to a loan is booked in the remittance's own journal
 * entry (through {@link LoanRepayments#linkedRepayment}) and never entered as a repayment of its own.
 */
public enum Channel {
    CASH, SAVINGS, REMITTANCE;

    /** Whether staff may enter a disbursement or repayment through this channel. */
    public boolean enteredByStaff() {
        return this != REMITTANCE;
    }
}
