/**
 * Microcredit (issue 11): loan products, applications with maker-checker approval, disbursement,
 * repayments allocated by the schedule engine ({@code org.lumbung.loans.schedule}), prepayment, write-off
 * and recovery, rescheduling, and the legal lending limit. Every money event is one balanced journal entry
 * through {@link org.lumbung.ledger.LedgerService}, posted on the loan's own sub-account of the portfolio.
 */
@NullMarked
package org.lumbung.loans;

import org.jspecify.annotations.NullMarked;
