package org.lumbung.savings;

/** The feature that booked a deposit into savings in its own journal entry (see {@link LinkedDeposit}). */
public enum DepositSource {
    /** The savings part of a remittance receipt. */
    REMITTANCE,
    /** A shop supplier (a member) paid into her savings. */
    SHOP,
    /** The member's share of the year's surplus (SHU) credited to her savings. */
    SHU
}
