package org.lumbung.loans;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's loan as it stands: its application, decision, copied terms and, once disbursed, its portfolio
 * sub-account ({@code number}, the ledger's code) and its outstanding principal, which is that sub-account's
 * balance. {@code purposeCategory} is null for loans applied for before it was asked. {@code requiredSavings} is blocked on the linked savings account while the loan is active.
 */
public record Loan(long id, long cooperativeId, String number, long memberId, long productId, String productCode,
                   LoanStatus status, @Nullable LoanPurpose purposeCategory, String purpose, BigDecimal principal, String currency, CopiedTerms terms,
                   LocalDate firstDueDate, BigDecimal requiredSavings, String loanOfficer, @Nullable Long savingsAccountId,
                   @Nullable String collateralNotes, List<Long> guarantorIds, String appliedBy, @Nullable String decidedBy,
                   @Nullable String decisionNote, @Nullable String limitOverrideBy, @Nullable String limitOverrideReason,
                   @Nullable LocalDate disbursedOn,
                   @Nullable LocalDate scheduleStart, @Nullable LocalDate closedOn, int scheduleVersion, boolean restructured,
                   @Nullable String writeOffRequestedBy, @Nullable String writeOffReason, @Nullable LocalDate writtenOffOn, int daysPastDue,
                   String agingClass, BigDecimal outstandingPrincipal) {

    public Loan {
        guarantorIds = List.copyOf(guarantorIds);
    }
}
