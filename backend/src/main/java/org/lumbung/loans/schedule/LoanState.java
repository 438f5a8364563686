package org.lumbung.loans.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where a loan stands, for a payoff quote: its schedule, the date its first period started, what was repaid
 * of principal and of interest so far, and the fees and penalties outstanding.
 */
public record LoanState(Schedule schedule, LocalDate disbursementDate, BigDecimal principalPaid,
                        BigDecimal interestPaid, BigDecimal feesOutstanding, BigDecimal penaltyOutstanding) {
}
