package org.lumbung.loans;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Precondition;
import org.lumbung.members.Member;
import org.springframework.transaction.IllegalTransactionStateException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hook through which another feature (a remittance allocated to a loan) carries a repayment in its own
 * journal entry: {@link LoanRepayments#linkedRepayment} → the caller's entry → {@link LoanRepayments#recordLinked}.
 */
class LinkedRepaymentTest extends LoanTestBase {

    private static final BigDecimal PAID = new BigDecimal("700000");

    Member siti;

    @BeforeEach
    void setUp() {
        setUpCooperative("linked");
        siti = member("Siti Aminah");
    }

    @Test
    void aRepaymentThroughTheHookLeavesTheLoanExactlyAsARepaymentDoes() {
        Loan direct = activeLoan(siti, flat, "3000000", 6, null);
        Loan linked = activeLoan(siti, flat, "3000000", 6, null);
        LoanTransaction d = as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), direct.id(),
                new Repayment(PAID, today, Channel.CASH, null, key())));
        long[] entry = new long[1];
        LoanTransaction l = as(treasurer, "TREASURER", () -> transactions.execute(s -> {
            LinkedRepayment r = repayments.linkedRepayment(coop.id(), linked.id(), PAID, today, key());
            assertThat(r.amount()).isEqualByComparingTo(PAID);
            entry[0] = postRemittance(r, true);
            return repayments.recordLinked(r, entry[0]);
        }));
        assertThat(l.kind()).isEqualTo(LoanTransaction.Kind.REPAYMENT);
        assertThat(l.channel()).isEqualTo(Channel.REMITTANCE);
        assertThat(l.journalEntryId()).isEqualTo(entry[0]);
        assertThat(List.of(l.amount(), l.principal(), l.interest(), l.fees(), l.penalty(), l.outstandingAfter()))
                .isEqualTo(List.of(d.amount(), d.principal(), d.interest(), d.fees(), d.penalty(), d.outstandingAfter()));
        assertThat(loans.schedule(coop.id(), linked.id(), null)).isEqualTo(loans.schedule(coop.id(), direct.id(), null));
        assertThat(loans.loan(coop.id(), linked.id()).outstandingPrincipal())
                .isEqualByComparingTo(loans.loan(coop.id(), direct.id()).outstandingPrincipal());
        // the same credits, the loan's own sub-account for the principal
        assertThat(credits(entry[0]).stream().map(c -> c.replace(linked.number(), "LOAN")).toList())
                .containsExactlyInAnyOrderElementsOf(credits(d.journalEntryId()).stream().map(c -> c.replace(direct.number(), "LOAN")).toList());
    }

    @Test
    void theHookRefusesWhatARepaymentRefusesAndNeedsTheCallersTransaction() {
        Loan loan = activeLoan(siti, flat, "3000000", 6, null);
        assertThatThrownBy(() -> as(treasurer, "TREASURER", () -> repayments.linkedRepayment(coop.id(), loan.id(), PAID, today, key())))
                .isInstanceOf(IllegalTransactionStateException.class);
        refused(() -> as(treasurer, "TREASURER", () -> transactions.execute(s -> repayments.linkedRepayment(coop.id(), loan.id(),
                new BigDecimal("90000000"), today, key()))), "loans.repayment.more-than-owed");
        refused(() -> as(treasurer, "TREASURER", () -> transactions.execute(s -> repayments.linkedRepayment(coop.id(), loan.id(),
                PAID, today.plusDays(1), key()))), "loans.value-date.future");
        // staff cannot enter a remittance as a repayment of its own
        refused(() -> as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), loan.id(),
                new Repayment(PAID, today, Channel.REMITTANCE, null, key()))), "loans.channel.missing");
        assertThat(loans.transactions(coop.id(), loan.id())).hasSize(1);
    }

    @Test
    void anEntryWithoutTheLoansLinesOrAMovedLoanIsRefused() {
        Loan loan = activeLoan(siti, flat, "3000000", 6, null);
        refused(() -> as(treasurer, "TREASURER", () -> transactions.execute(s -> {
            LinkedRepayment r = repayments.linkedRepayment(coop.id(), loan.id(), PAID, today, key());
            return repayments.recordLinked(r, postRemittance(r, false));
        })), "loans.linked.line-missing");
        // a repayment booked between the split and the entry: the ledger refuses the entry under its locks
        refused(() -> as(treasurer, "TREASURER", () -> transactions.execute(s -> {
            LinkedRepayment r = repayments.linkedRepayment(coop.id(), loan.id(), PAID, today, key());
            repayments.repay(coop.id(), loan.id(), new Repayment(PAID, today, Channel.CASH, null, key()));
            return postRemittance(r, true);
        })), "loans.repayment.loan-moved");
        assertThat(loans.transactions(coop.id(), loan.id())).hasSize(1);
        assertThat(loans.loan(coop.id(), loan.id()).outstandingPrincipal()).isEqualByComparingTo("3000000");
    }

    @Test
    void aLinkedRepaymentIsRecordedOnlyInTheTransactionThatPreparedIt() {
        Loan loan = activeLoan(siti, flat, "3000000", 6, null);
        LinkedRepayment prepared = as(treasurer, "TREASURER", () -> transactions.execute(s ->
                repayments.linkedRepayment(coop.id(), loan.id(), PAID, today, key())));
        assertThatThrownBy(() -> as(treasurer, "TREASURER", () -> transactions.execute(s ->
                repayments.recordLinked(prepared, postRemittance(prepared, true))))).isInstanceOf(IllegalStateException.class);
        assertThat(loans.transactions(coop.id(), loan.id())).hasSize(1);
    }

    /** The other feature's entry: its own pair of lines, its clearing debit and (or not) the loan's credits. */
    private long postRemittance(LinkedRepayment r, boolean withLoanLines) {
        List<PostingLine> lines = new ArrayList<>();
        lines.add(PostingLine.debit("1100", new BigDecimal("50000")));
        lines.add(PostingLine.credit("3300", new BigDecimal("50000")));
        lines.add(PostingLine.debit("1100", r.amount()));
        lines.addAll(withLoanLines ? r.lines() : List.of(PostingLine.credit("3300", r.amount())));
        return ledger.post(new PostingRequest(coop.id(), key(), today, "remittance R-42", "MANUAL", "R-42", lines, treasurer),
                withLoanLines ? r.rule() : Precondition.NONE).entry().id();
    }

    private List<String> credits(long entryId) {
        return ledger.entry(coop.id(), entryId).lines().stream().filter(l -> l.side() == org.lumbung.ledger.Side.CREDIT)
                .filter(l -> !l.accountCode().equals("3300"))
                .map(l -> l.accountCode() + " " + l.amount().stripTrailingZeros().toPlainString()).toList();
    }
}
