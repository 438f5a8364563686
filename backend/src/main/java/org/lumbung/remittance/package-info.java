/**
 * Remittances: money sent home by members working abroad, received in one numbered receipt (both currencies,
 * the rate, the sender's fee) and allocated in the same entry to cash paid out, savings, a loan repayment and
 * a fee; the corridor reports (inflows, share put to work, cost of sending) read these receipts.
 */
@NullMarked
package org.lumbung.remittance;

import org.jspecify.annotations.NullMarked;
