package org.lumbung.loans;

import java.math.BigDecimal;

/**
 * The legal lending limit (batas maksimum pemberian pinjaman) of a cooperative: one borrower's loans at most
 * {@code limitPercent} of modal sendiri, at most {@code insiderLimitPercent} for the board, the supervisors and
 * their relations. Defaults 20 % and 10 %.
 */
public record LendingSettings(BigDecimal limitPercent, BigDecimal insiderLimitPercent) {
}
