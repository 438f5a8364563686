package org.lumbung.loans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's loan as it stands: its application, decision, copied terms and, once disbursed, its portfolio
 * sub-account ({@code number}, the ledger's code) and its outstanding principal, which is that sub-account's
 * balance. {@code purposeCategory} is null for loans applied for before it was asked. {@code requiredSavings} is blocked on the linked savings account while the loan is active.
 */
public record Loan(long id, long cooperativeId, String number, long memberId, long productId, String productCode,
                   LoanStatus status, LoanPurpose purposeCategory, String purpose, BigDecimal principal, String currency, CopiedTerms terms,
                   LocalDate firstDueDate, BigDecimal requiredSavings, String loanOfficer, Long savingsAccountId,
                   String collateralNotes, List<Long> guarantorIds, String appliedBy, String decidedBy,
                   String decisionNote, String limitOverrideBy, String limitOverrideReason, LocalDate disbursedOn,
                   LocalDate scheduleStart, LocalDate closedOn, int scheduleVersion, boolean restructured,
                   String writeOffRequestedBy, String writeOffReason, LocalDate writtenOffOn, int daysPastDue,
                   String agingClass, BigDecimal outstandingPrincipal) {

    public Loan {
        guarantorIds = List.copyOf(guarantorIds);
    }
}
