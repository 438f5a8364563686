package org.lumbung.loans.closing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A borrower behind on a loan, for the field visit: who, how to reach her, in which language to write to
 * her, what is overdue and since when.
 */
public record LateBorrower(long loanId, String loanNumber, long memberId, int memberNumber, String fullName, @Nullable String phone,
                           @Nullable String village, String locale, int daysPastDue, Collectibility collectibility,
                           BigDecimal overdueAmount, BigDecimal outstanding, @Nullable LocalDate oldestDueDate, String currency) {
}
