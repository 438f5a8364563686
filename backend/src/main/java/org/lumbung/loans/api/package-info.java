/**
 * The loans' JSON API under {@code /api/v1/cooperatives/{code}}: products, applications, decisions,
 * disbursement, repayments with their split, a loan with its schedule and balances, a member's loans.
 */
@NullMarked
package org.lumbung.loans.api;

import org.jspecify.annotations.NullMarked;
