package org.lumbung.ledger;

/** The general accounts every chart template has. */
public enum LedgerAccountRole implements AccountRole {
    /** The cash box: what members pay in and take out over the counter. */
    CASH,
    /** The cooperative's bank account. */
    BANK,
    /** Loans to members, the dashboard's "loans outstanding". */
    MEMBER_LOANS,
    /** The header under which each foreign currency gets its position account (e.g. 1900.MYR). */
    FX_POSITION,
    /** Where opening balances of an import wait to be cleared. */
    OPENING_BALANCE
}
