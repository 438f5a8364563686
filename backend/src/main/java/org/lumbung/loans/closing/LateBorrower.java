package org.lumbung.loans.closing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A borrower behind on a loan, for the field visit: who, how to reach her, in which language to write to
 * her, what is overdue and since when.
 */
public record LateBorrower(long loanId, String loanNumber, long memberId, int memberNumber, String fullName, String phone,
                           String village, String locale, int daysPastDue, Collectibility collectibility,
                           BigDecimal overdueAmount, BigDecimal outstanding, LocalDate oldestDueDate, String currency) {
}
