package org.lumbung.savings;

import org.lumbung.ledger.AccountRole;

/** The savings feature's accounts in a chart template (codes in {@code roles/savings.properties}). */
public enum SavingsAccountRole implements AccountRole {
    /** Control account of the members' share capital (simpanan pokok). */
    MEMBER_SHARE_CAPITAL,
    /** Control account of the members' mandatory savings (simpanan wajib). */
    MEMBER_MANDATORY_SAVINGS,
    /** Control account of the members' voluntary savings (simpanan sukarela). */
    MEMBER_VOLUNTARY_SAVINGS,
    /** Control account of time deposits (simpanan berjangka). */
    TIME_DEPOSITS,
    /** Administration fees and early-withdrawal penalties. */
    FEE_INCOME,
    /** Interest paid on savings. */
    SAVINGS_INTEREST_EXPENSE
}
