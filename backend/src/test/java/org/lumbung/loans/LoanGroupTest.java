package org.lumbung.loans;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.members.Member;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group lending day through the loan services' group paths ({@code applyAll}, {@code approveAll},
 * {@code disburseAll}, {@code repayAll}): each loan checked as one loan is, all of a group or none, one entry
 * per loan, and the lending limit counting the group's own earlier loans of a borrower.
 */
class LoanGroupTest extends LoanTestBase {

    Member siti;
    Member ani;
    Member dewi;

    @BeforeEach
    void setUp() {
        setUpCooperative("group");
        siti = member("Siti Aminah");
        ani = member("Ani Lestari");
        dewi = member("Dewi Sartika");
    }

    @Test
    void aGroupIsAppliedApprovedAndDisbursedLoanByLoan() {
        List<Loan> applied = as(treasurer, "TREASURER", () -> loans.applyAll(coop.id(),
                List.of(application(siti, flat, "2000000", 10, null), application(ani, flat, "3000000", 12, null),
                        application(dewi, flat, "1000000", 6, null))));
        assertThat(applied).extracting(Loan::memberId).containsExactly(siti.id(), ani.id(), dewi.id());
        List<Long> ids = applied.stream().map(Loan::id).toList();
        as(chair, "CHAIR", () -> loans.approveAll(coop.id(), ids, "kelompok layak", null));
        BigDecimal cashBefore = balance("1100");
        List<LoanTransaction> paid = as(treasurer, "TREASURER", () -> loans.disburseAll(coop.id(), ids,
                new Disbursement(today, Channel.CASH, "group-day-1")));
        assertThat(paid).extracting(LoanTransaction::loanId).containsExactlyElementsOf(ids);
        assertThat(paid).extracting(LoanTransaction::journalEntryId).doesNotContainNull().doesNotHaveDuplicates();
        // a 1 % fee deducted from each: 6,000,000 financed, 5,940,000 paid out
        assertThat(cashBefore.subtract(balance("1100"))).isEqualByComparingTo("5940000");
        assertThat(loans.loan(coop.id(), ids.get(1)).outstandingPrincipal()).isEqualByComparingTo("3000000");
        assertThat(loans.schedule(coop.id(), ids.get(1), null)).hasSize(12);
        // the group replayed with its key books nothing more
        List<LoanTransaction> again = as(treasurer, "TREASURER", () -> loans.disburseAll(coop.id(), ids,
                new Disbursement(today, Channel.CASH, "group-day-1")));
        assertThat(again).extracting(LoanTransaction::id).containsExactlyElementsOf(paid.stream().map(LoanTransaction::id).toList());
        assertThat(cashBefore.subtract(balance("1100"))).isEqualByComparingTo("5940000");
    }

    @Test
    void oneBadApplicationRefusesTheWholeGroup() {
        LoanApplication tooLarge = application(ani, flat, "60000000", 12, null);
        refused(() -> as(treasurer, "TREASURER", () -> loans.applyAll(coop.id(),
                List.of(application(siti, flat, "2000000", 10, null), tooLarge))), "loans.application.amount");
        assertThat(loans.loansOf(coop.id(), siti.id())).isEmpty();
        LoanApplication a = application(siti, flat, "2000000", 10, null);
        refused(() -> as(treasurer, "TREASURER", () -> loans.applyAll(coop.id(), List.of(a, a))), "loans.group.duplicate");
    }

    @Test
    void theLimitCountsTheBorrowersEarlierLoansInTheSameGroup() {
        // own capital 100,000,000 → limit 20,000,000; each loan 12,000,000 is within it alone, not together
        List<Loan> applied = as(treasurer, "TREASURER", () -> loans.applyAll(coop.id(),
                List.of(application(siti, flat, "12000000", 10, null), application(siti, flat, "12000000", 10, null))));
        List<Long> ids = applied.stream().map(Loan::id).toList();
        // the committee, deciding the pair together, is refused without an override reason
        refused(() -> as(chair, "CHAIR", () -> loans.approveAll(coop.id(), ids, null, null)), "loans.limit.exceeded");
        assertThat(loans.loansIn(coop.id(), LoanStatus.APPROVED, 0, 10)).isEmpty();
        // approved one at a time, each within the limit alone: paying both out is still refused
        ids.forEach(id -> as(chair, "CHAIR", () -> loans.approve(coop.id(), id, null, null)));
        refused(() -> as(treasurer, "TREASURER", () -> loans.disburseAll(coop.id(), ids,
                new Disbursement(today, Channel.CASH, "group-day-2"))), "loans.limit.exceeded");
        assertThat(loans.loansIn(coop.id(), LoanStatus.ACTIVE, 0, 10)).isEmpty();
        assertThat(limits.exposure(coop.id(), siti.id())).isZero();
    }

    @Test
    void aDaysRepaymentsAreTakenTogetherEachSplitAsItsOwnRepayment() {
        Loan a = activeLoan(siti, flat, "2000000", 10, null);
        Loan b = activeLoan(ani, flat, "3000000", 12, null);
        List<Long> both = List.of(a.id(), b.id());
        assertThat(loans.dueBy(coop.id(), both, today)).as("nothing due on the day of the payout").isEmpty();
        Map<Long, BigDecimal> due = loans.dueBy(coop.id(), both, today.plusMonths(1));
        assertThat(due).containsOnlyKeys(a.id(), b.id());
        assertThat(due.get(a.id())).isEqualByComparingTo(loans.schedule(coop.id(), a.id(), null).get(0).outstanding());
        RepaymentPreview splitA = repayments.preview(coop.id(), a.id(), due.get(a.id()));
        RepaymentPreview splitB = repayments.preview(coop.id(), b.id(), due.get(b.id()));
        BigDecimal cashBefore = balance("1100");
        LinkedHashMap<Long, Repayment> day = new LinkedHashMap<>();
        day.put(b.id(), new Repayment(due.get(b.id()), today, Channel.CASH, null, key()));
        day.put(a.id(), new Repayment(due.get(a.id()), today, Channel.CASH, null, key()));
        List<LoanTransaction> paid = as(treasurer, "TREASURER", () -> repayments.repayAll(coop.id(), day));
        assertThat(paid).extracting(LoanTransaction::loanId).containsExactly(b.id(), a.id());
        assertThat(paid).extracting(LoanTransaction::journalEntryId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(paid.get(0).interest()).isEqualByComparingTo(splitB.allocation().interest());
        assertThat(paid.get(1).principal()).isEqualByComparingTo(splitA.allocation().principal());
        assertThat(loans.loan(coop.id(), a.id()).outstandingPrincipal()).isEqualByComparingTo(splitA.outstandingAfter());
        assertThat(loans.loan(coop.id(), b.id()).outstandingPrincipal()).isEqualByComparingTo(splitB.outstandingAfter());
        assertThat(balance("1100").subtract(cashBefore)).isEqualByComparingTo(due.get(a.id()).add(due.get(b.id())));
        assertThat(loans.dueBy(coop.id(), both, today.plusMonths(1))).as("the first instalments are paid").isEmpty();
        // the day replayed with its keys books nothing more
        List<LoanTransaction> again = as(treasurer, "TREASURER", () -> repayments.repayAll(coop.id(), day));
        assertThat(again).extracting(LoanTransaction::id).containsExactlyElementsOf(paid.stream().map(LoanTransaction::id).toList());
        assertThat(balance("1100").subtract(cashBefore)).isEqualByComparingTo(due.get(a.id()).add(due.get(b.id())));
    }

    @Test
    void oneRefusedRepaymentRefusesTheWholeDay() {
        Loan a = activeLoan(siti, flat, "2000000", 10, null);
        Loan b = activeLoan(ani, flat, "3000000", 12, null);
        BigDecimal cashBefore = balance("1100");
        LinkedHashMap<Long, Repayment> day = new LinkedHashMap<>();
        day.put(a.id(), new Repayment(new BigDecimal("100000"), today, Channel.CASH, null, key()));
        day.put(b.id(), new Repayment(new BigDecimal("90000000"), today, Channel.CASH, null, key()));
        refused(() -> as(treasurer, "TREASURER", () -> repayments.repayAll(coop.id(), day)), "loans.repayment.more-than-owed");
        assertThat(balance("1100")).isEqualByComparingTo(cashBefore);
        assertThat(loans.transactions(coop.id(), a.id())).extracting(LoanTransaction::kind)
                .doesNotContain(LoanTransaction.Kind.REPAYMENT);
        assertThat(loans.schedule(coop.id(), a.id(), null).get(0).principalPaid()).isZero();
        String sameKey = key();
        LinkedHashMap<Long, Repayment> oneKey = new LinkedHashMap<>();
        oneKey.put(a.id(), new Repayment(new BigDecimal("100000"), today, Channel.CASH, null, sameKey));
        oneKey.put(b.id(), new Repayment(new BigDecimal("100000"), today, Channel.CASH, null, sameKey));
        refused(() -> as(treasurer, "TREASURER", () -> repayments.repayAll(coop.id(), oneKey)), "loans.group.duplicate");
        assertThat(balance("1100")).isEqualByComparingTo(cashBefore);
    }
}
