/**
 * The loans' close of business: each business date's arrears, penalties, interest accruals, portfolio snapshot and
 * month-end loan-loss provision, step by step; and what the closes found: the portfolio, its quality whole or by
 * loan product or loan officer, the late borrowers.
 */
@NullMarked
package org.lumbung.loans.closing;

import org.jspecify.annotations.NullMarked;
