package org.lumbung.loans.closing;

import org.lumbung.ledger.AccountRole;

/** The accounts the close of business posts to (codes in {@code roles/loans-close.properties}). */
public enum ClosingAccountRole implements AccountRole {
    /** Contra-asset: the allowance for loan losses (penyisihan piutang tak tertagih). */
    LOAN_LOSS_ALLOWANCE,
    /** The expense of provisioning (beban penyisihan piutang); a release credits it. */
    LOAN_LOSS_PROVISION_EXPENSE,
    /** Interest earned on loans of accruing products and not yet paid (piutang jasa pinjaman). */
    ACCRUED_LOAN_INTEREST,
    /** Interest income on loans (pendapatan jasa pinjaman). */
    LOAN_INTEREST_INCOME,
    /** Late-payment penalties charged and not yet paid. */
    LOAN_PENALTY_RECEIVABLE,
    /** Late-payment penalties (pendapatan denda), under other income. */
    LOAN_PENALTY_INCOME
}
