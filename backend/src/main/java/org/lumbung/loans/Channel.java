package org.lumbung.loans;

/** Where the money of a disbursement or repayment comes from or goes: the cash box or the linked savings. */
public enum Channel {
    CASH, SAVINGS
}
