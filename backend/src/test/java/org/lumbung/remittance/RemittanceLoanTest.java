package org.lumbung.remittance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.loans.LoanPurpose;
import org.lumbung.loans.Channel;
import org.lumbung.loans.Disbursement;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanApplication;
import org.lumbung.loans.LoanProduct;
import org.lumbung.loans.LoanProductService;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanStatus;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.loans.NewLoanProduct;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.members.Member;
import org.lumbung.savings.SavingsKind;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.LedgerInvariants;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A remittance allocated partly to a loan: the loans feature splits it, and it is one entry with the rest. */
class RemittanceLoanTest extends RemittanceTestBase {

    @Autowired
    LoanProductService loanProducts;
    @Autowired
    LoanService loans;
    @Autowired
    UserService users;
    @Autowired
    ChartOfAccounts chart;

    Member siti;
    Loan loan;
    LocalDate today;

    @BeforeEach
    void setUp() {
        cooperative("rml" + UniqueSuffix.next());
        today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        siti = member("Siti Aminah");
        LoanProduct flat = loanProducts.create(coop.id(), new NewLoanProduct("FLAT", "Business loan", "Pinjaman usaha", "IDR",
                InterestMethod.FLAT, new BigDecimal("1.5"), RatePeriod.MONTH, RepaymentFrequency.MONTHLY, 1, 24,
                new BigDecimal("500000"), new BigDecimal("50000000"), 0, 0, DayCount.THIRTY_360, new BigDecimal("100"), null,
                null, null, null, false, 3, BigDecimal.ZERO));
        String treasurer = "sri." + coop.code();
        String chair = "budi." + coop.code();
        users.create(new NewUser(treasurer, "Ibu Sri", Role.TREASURER, coop.id(), "id", null), "padi menguning di sawah");
        users.create(new NewUser(chair, "Pak Budi", Role.CHAIR, coop.id(), "id", null), "padi menguning di sawah");
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), new LoanApplication(siti.id(), flat.id(),
                new BigDecimal("3000000"), 6, today.plusMonths(1), LoanPurpose.FOOD_PROCESSING, "a food stall", treasurer, List.of(), null, null, key())));
        as(chair, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null));
        as(treasurer, "TREASURER", () -> loans.disburse(coop.id(), applied.id(), new Disbursement(today, Channel.CASH, key())));
        loan = loans.loan(coop.id(), applied.id());
    }

    @Test
    void aRepaymentFromARemittanceIsSplitAsTheLoansFeatureSplitsItInTheSameEntry() {
        String savingsNumber = account(siti, SavingsKind.VOLUNTARY).number();
        RecordedRemittance r = remittances.record(coop.id(), new NewRemittance(siti.id(), today, "HK", RemittanceChannel.BANK,
                null, "HKD", new BigDecimal("500.00"), new BigDecimal("30.00"), new BigDecimal("2000"), List.of(
                new NewAllocation(AllocationKind.LOAN_REPAYMENT, new BigDecimal("545000.00"), loan.number()),
                new NewAllocation(AllocationKind.SAVINGS, new BigDecimal("455000.00"), savingsNumber)), null, key()));

        LoanTransaction repayment = loans.transactions(coop.id(), loan.id()).stream()
                .filter(t -> t.kind() == LoanTransaction.Kind.REPAYMENT).findFirst().orElseThrow();
        assertThat(repayment.channel()).isEqualTo(Channel.REMITTANCE);
        assertThat(repayment.journalEntryId()).isEqualTo(r.remittance().journalEntryId());
        // flat 1.5 % a month on 3,000,000: 45,000 interest, the other 500,000 principal
        assertThat(repayment.interest()).isEqualByComparingTo("45000");
        assertThat(repayment.principal()).isEqualByComparingTo("500000");
        assertThat(loans.loan(coop.id(), loan.id()).outstandingPrincipal()).isEqualByComparingTo("2500000");
        assertThat(r.remittance().putToWork()).isEqualByComparingTo("1000000.00");
    }

    @Test
    void anAccruingLoanPaidInFullByARemittanceLeavesNothingOnTheInterestReceivable() {
        LoanProduct accruing = loanProducts.create(coop.id(), new NewLoanProduct("AKRU", "Accruing loan", "Pinjaman akrual", "IDR",
                InterestMethod.FLAT, new BigDecimal("1.5"), RatePeriod.MONTH, RepaymentFrequency.MONTHLY, 1, 24,
                new BigDecimal("500000"), new BigDecimal("50000000"), 0, 0, DayCount.THIRTY_360, new BigDecimal("100"), null,
                null, null, null, true, 3, BigDecimal.ZERO));
        String treasurer = "sri." + coop.code();
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), new LoanApplication(siti.id(), accruing.id(),
                new BigDecimal("3000000"), 1, today.plusMonths(1), LoanPurpose.TRADE, "a food stall", treasurer, List.of(), null,
                null, key())));
        as("budi." + coop.code(), "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null));
        as(treasurer, "TREASURER", () -> loans.disburse(coop.id(), applied.id(), new Disbursement(today, Channel.CASH, key())));
        Loan accruingLoan = loans.loan(coop.id(), applied.id());

        // the whole schedule, 3,000,000 and 45,000 of interest, on the day it was paid out: nothing had accrued yet
        remittances.record(coop.id(), new NewRemittance(siti.id(), today, "HK", RemittanceChannel.BANK, null, "HKD",
                new BigDecimal("1522.50"), BigDecimal.ZERO, new BigDecimal("2000"), List.of(
                new NewAllocation(AllocationKind.LOAN_REPAYMENT, new BigDecimal("3045000.00"), accruingLoan.number())), null, key()));

        assertThat(loans.loan(coop.id(), accruingLoan.id()).status()).isEqualTo(LoanStatus.CLOSED);
        assertThat(chart.account(coop.id(), "1320").balance()).as("interest receivable").isEqualByComparingTo("0");
        assertThat(chart.account(coop.id(), "4100").balance()).as("interest income: what the loan earned")
                .isEqualByComparingTo("45000");
    }

    @Test
    void moreThanTheLoanOwesIsRefusedAndNothingIsBooked() {
        Map<String, List<BigDecimal>> before = LedgerInvariants.state(dsl, coop.id());
        refused(() -> remittances.record(coop.id(), new NewRemittance(siti.id(), today, "HK", RemittanceChannel.BANK, null, "HKD",
                new BigDecimal("2000.00"), BigDecimal.ZERO, new BigDecimal("2000"), List.of(
                new NewAllocation(AllocationKind.LOAN_REPAYMENT, new BigDecimal("4000000.00"), loan.number())), null, key())),
                "loans.repayment.more-than-owed");
        refused(() -> remittances.record(coop.id(), new NewRemittance(siti.id(), today, "HK", RemittanceChannel.BANK, null, "HKD",
                new BigDecimal("100.00"), BigDecimal.ZERO, new BigDecimal("2000"), List.of(
                new NewAllocation(AllocationKind.LOAN_REPAYMENT, new BigDecimal("200000.00"), "L-NOPE")), null, key())),
                "remittance.loan.not-found");
        assertThat(LedgerInvariants.state(dsl, coop.id())).isEqualTo(before);
        assertThat(loans.transactions(coop.id(), loan.id())).noneMatch(t -> t.kind() == LoanTransaction.Kind.REPAYMENT);
    }

    @Test
    void oneReceiptRepayingTheSameLoanTwiceIsRefusedWithAMessageNotAnError() {
        Map<String, List<BigDecimal>> before = LedgerInvariants.state(dsl, coop.id());
        // 45,000 of interest due: two parts of 30,000 would each be split as if the other did not exist
        refused(() -> remittances.record(coop.id(), new NewRemittance(siti.id(), today, "HK", RemittanceChannel.BANK, null, "HKD",
                new BigDecimal("30.00"), BigDecimal.ZERO, new BigDecimal("2000"), List.of(
                new NewAllocation(AllocationKind.LOAN_REPAYMENT, new BigDecimal("30000.00"), loan.number()),
                new NewAllocation(AllocationKind.LOAN_REPAYMENT, new BigDecimal("30000.00"), loan.number())), null, key())),
                "remittance.same-loan");
        assertThat(LedgerInvariants.state(dsl, coop.id())).isEqualTo(before);
    }
}
