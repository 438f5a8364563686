package org.lumbung.remittance;

import org.lumbung.ledger.AccountRole;

/** The remittance feature's accounts in a chart template (codes in {@code roles/remittance.properties}). */
public enum RemittanceAccountRole implements AccountRole {
    /** The cooperative's fee for handling a remittance (Pendapatan Jasa Layanan Kiriman Uang). */
    REMITTANCE_FEE_INCOME,
    /** What the cash rounding of a payout leaves over or adds (Selisih Pembulatan Kas). */
    CASH_ROUNDING
}
