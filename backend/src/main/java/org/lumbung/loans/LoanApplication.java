package org.lumbung.loans;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a loan application says: who borrows how much of which product over how many instalments, first due
 * when, for what (one of the fixed purposes, and in words); the loan officer (a staff sign-in of the cooperative),
 guarantors (members), collateral notes
 * and the voluntary savings account linked for disbursement, repayment and the required savings. The
 * idempotency key is made by the form when it opens: sending it twice applies once.
 */
public record LoanApplication(long memberId, long productId, BigDecimal amount, int instalments, LocalDate firstDueDate,
                              LoanPurpose purposeCategory, String purpose, String loanOfficer, List<Long> guarantorIds,
                              @Nullable String collateralNotes,
                              @Nullable Long savingsAccountId, String idempotencyKey) {

    public LoanApplication {
        guarantorIds = List.copyOf(guarantorIds);
    }
}
