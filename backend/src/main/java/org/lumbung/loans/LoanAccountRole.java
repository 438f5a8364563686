package org.lumbung.loans;

import org.lumbung.ledger.AccountRole;

/** The loans feature's accounts in a chart template (codes in {@code roles/loans.properties}). */
public enum LoanAccountRole implements AccountRole {
    /** Control account of the portfolio (Piutang Pinjaman Anggota); each loan has a sub-account under it. */
    LOAN_PORTFOLIO,
    /** Interest accrued and not yet paid (Piutang Jasa Pinjaman), for products that accrue. */
    LOAN_INTEREST_RECEIVABLE,
    /** Interest earned on loans (Pendapatan Jasa Pinjaman). */
    LOAN_INTEREST_INCOME,
    /** Administration and provision fees of loans. */
    LOAN_FEE_INCOME,
    /** Late-payment penalties. */
    LOAN_PENALTY_INCOME,
    /** The monthly provision charge (Beban Penyisihan Piutang). */
    LOAN_LOSS_PROVISION_EXPENSE,
    /** The allowance for loan losses, a contra-asset (Penyisihan Piutang Tak Tertagih). */
    LOAN_LOSS_ALLOWANCE,
    /** What a write-off is charged to: by default the allowance built by the provisions. */
    LOAN_WRITE_OFF,
    /** Money recovered on a loan already written off. */
    LOAN_RECOVERY_INCOME
}
