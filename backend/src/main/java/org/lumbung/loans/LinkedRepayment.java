package org.lumbung.loans;

import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.Precondition;
import org.lumbung.platform.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A repayment prepared for another feature's journal entry by {@link LoanRepayments#linkedRepayment}: the
 * split (as a repayment of this amount on this date splits: penalties, fees, interest, principal, by the
 * loan's allocation order), the lines that carry it ({@link #lines}: the split's credits and, when the payment
 * closes an accruing loan, the pair that squares its interest receivable; the caller adds the debit of
 * {@link #amount} on its own account), the rule to pass to the ledger with the entry ({@link #rule}) and what
 * {@link LoanRepayments#recordLinked} needs once the entry is posted. Valid only in the transaction that
 * prepared it (it holds the loan's lock there).
 */
public record LinkedRepayment(long cooperativeId, long loanId, String loanNumber, LocalDate valueDate, String idempotencyKey,
                              RepaymentPreview split, List<PostingLine> lines, long transactionId) {

    public LinkedRepayment {
        lines = List.copyOf(lines);
    }

    /** What the caller debits: the split's penalty, fees, interest and principal. */
    public BigDecimal amount() {
        return split.allocation().principal().add(split.allocation().interest()).add(split.allocation().fees())
                .add(split.allocation().penalty());
    }

    /**
     * Checked by the ledger under its locks: the loan's sub-account still holds the principal the split was
     * made for (a principal-free repayment does not touch it and needs no check).
     */
    public Precondition rule() {
        if (split.allocation().principal().signum() == 0) {
            return Precondition.NONE;
        }
        BigDecimal before = split.outstandingBefore();
        return b -> DomainException.require(b.before(loanNumber).compareTo(before) == 0, "loans.repayment.loan-moved", loanNumber);
    }
}
