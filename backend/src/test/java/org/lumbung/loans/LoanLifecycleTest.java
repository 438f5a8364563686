package org.lumbung.loans;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.ledger.JournalEntry;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.PayoffQuote;
import org.lumbung.loans.schedule.PenaltyKind;
import org.lumbung.loans.schedule.PenaltyRule;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.ExitService;
import org.lumbung.savings.Movement;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.testsupport.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every event of a loan's life through the services: the entry it posts (balanced, on the loan's own
 * sub-account), the schedule rows it changes and the refusals of maker-checker.
 */
class LoanLifecycleTest extends LoanTestBase {

    @Autowired
    ExitService exits;

    @org.springframework.beans.factory.annotation.Autowired
    LoanReceipt receipts;

    Member siti;

    @BeforeEach
    void setUp() {
        setUpCooperative("loan");
        siti = member("Siti Aminah");
    }

    @Test
    void anApplicationIsDecidedBySomeoneElse() {
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, flat, "5000000", 10, null)));
        assertThat(applied.status()).isEqualTo(LoanStatus.APPLIED);
        assertThat(applied.purposeCategory()).isEqualTo(LoanPurpose.FOOD_PROCESSING);
        assertThat(applied.purposeCategory().incomeGenerating()).isTrue();
        assertThat(applied.number()).isEqualTo("1300.%05d-01".formatted(siti.memberNumber()));
        assertThat(applied.appliedBy()).isEqualTo(treasurer);
        // the one who entered it cannot approve it, whatever her role
        assertThatThrownBy(() -> as(treasurer, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.same-person"));
        // nor can an integration's token
        assertThatThrownBy(() -> as("token:lbg_x7", "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.person-only"));
        refused(() -> as(chair, "CHAIR", () -> loans.reject(coop.id(), applied.id(), " ")), "loans.reason.missing");
        Loan rejected = as(chair, "CHAIR", () -> loans.reject(coop.id(), applied.id(), "no business plan"));
        assertThat(rejected.status()).isEqualTo(LoanStatus.REJECTED);
        assertThat(rejected.decidedBy()).isEqualTo(chair);
        assertThatThrownBy(() -> as(chair, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    @Test
    void productsAreCheckedWhereTheyEnterAndAnEditChangesOnlyLaterLoans() {
        refused(() -> products.create(coop.id(), product("FLAT", org.lumbung.loans.schedule.InterestMethod.FLAT, null,
                BigDecimal.ZERO, 1)), "loans.product.code-taken");
        NewLoanProduct dollars = product("USD", org.lumbung.loans.schedule.InterestMethod.FLAT, null, BigDecimal.ZERO, 1);
        refused(() -> products.create(coop.id(), new NewLoanProduct(dollars.code(), dollars.nameEn(), dollars.nameId(), "USD",
                dollars.interestMethod(), dollars.interestRate(), dollars.ratePeriod(), dollars.frequency(), 1, 24,
                dollars.minAmount(), dollars.maxAmount(), 0, 0, dollars.dayCount(), null, null, null, null, null, false, 1,
                BigDecimal.ZERO)), "loans.product.currency");
        NewLoanProduct p = product("EDIT", org.lumbung.loans.schedule.InterestMethod.DECLINING_ANNUITY, null, BigDecimal.ZERO, 3);
        refused(() -> products.create(coop.id(), new NewLoanProduct(p.code(), p.nameEn(), p.nameId(), p.currency(),
                p.interestMethod(), p.interestRate(), p.ratePeriod(), p.frequency(), 3, 24, p.minAmount(), p.maxAmount(),
                1, 2, p.dayCount(), null, null, null, null, null, false, 1, BigDecimal.ZERO)), "loans.product.grace");
        assertThatThrownBy(() -> as(treasurer, "TREASURER", () -> products.create(coop.id(), p)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        LoanProduct created = products.create(coop.id(), p);
        Loan before = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, created, "1000000", 6, null)));
        products.edit(coop.id(), created.id(), new NewLoanProduct(p.code(), p.nameEn(), p.nameId(), p.currency(),
                p.interestMethod(), new BigDecimal("2"), p.ratePeriod(), p.frequency(), 1, 24, p.minAmount(), p.maxAmount(),
                0, 0, p.dayCount(), null, null, null, null, null, false, 3, BigDecimal.ZERO));
        Loan after = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, created, "1000000", 6, null)));
        assertThat(loans.loan(coop.id(), before.id()).terms().ratePercent()).isEqualByComparingTo("1.5");
        assertThat(after.terms().ratePercent()).isEqualByComparingTo("2");
        products.setActive(coop.id(), created.id(), false);
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, created, "1000000", 6, null))),
                "loans.product.inactive");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.lumbung.loans.closing.CloseOfBusiness close;

    @Test
    void anAccruingLoanPaidOffEarlyLeavesNothingOnTheInterestReceivable() {
        LocalDate start = today.minusMonths(2);
        as(chair, "CHAIR", () -> {
            close.start(coop.id(), start);
            return null;
        });
        LoanProduct accruing = products.create(coop.id(), new NewLoanProduct("AKRU", "Accruing loan", "Pinjaman akrual", "IDR",
                org.lumbung.loans.schedule.InterestMethod.FLAT, new BigDecimal("1.5"), RatePeriod.MONTH, RepaymentFrequency.MONTHLY,
                1, 24, new BigDecimal("500000"), new BigDecimal("50000000"), 0, 0, DayCount.THIRTY_360, new BigDecimal("100"), null,
                null, null, PrepaymentRule.CURRENT_PERIOD_INTEREST, true, 3, BigDecimal.ZERO));
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), new LoanApplication(siti.id(), accruing.id(),
                new BigDecimal("3000000"), 12, start.plusMonths(1), LoanPurpose.TRADE, "a food stall", treasurer, List.of(), null,
                null, key())));
        as(chair, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null));
        as(treasurer, "TREASURER", () -> loans.disburse(coop.id(), applied.id(), new Disbursement(start, Channel.CASH, key())));
        LocalDate paidOn = start.plusDays(10);
        as(chair, "CHAIR", () -> close.catchUp(coop.id(), paidOn, null));
        BigDecimal accrued = balance("1320");
        assertThat(accrued).as("some of the first month accrued").isPositive().isLessThan(new BigDecimal("45000"));

        // the whole current period's interest (45,000) is taken, though only part of it accrued
        PayoffQuote quote = repayments.payoffQuote(coop.id(), applied.id(), paidOn);
        assertThat(quote.interest()).isEqualByComparingTo("45000");
        as(treasurer, "TREASURER", () -> repayments.payOff(coop.id(), applied.id(),
                new Repayment(quote.total(), paidOn, Channel.CASH, null, key())));
        assertThat(loans.loan(coop.id(), applied.id()).status()).isEqualTo(LoanStatus.CLOSED);
        assertThat(balance("1320")).isEqualByComparingTo("0");
        assertThat(balance("4100").negate()).as("interest income: what the loan earned").isEqualByComparingTo("45000");
        LedgerInvariants.assertHold(dsl, verifier, coop.id());
    }

    /** Back-dated history (an import, the sample): the first due date is checked against the business date. */
    @Test
    void anApplicationsFirstDueDateFollowsTheBusinessDateNotTheWallClock() {
        java.time.LocalDate start = today.minusMonths(3);
        as(chair, "CHAIR", () -> {
            close.start(coop.id(), start);
            return null;
        });
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), new LoanApplication(siti.id(), flat.id(),
                new BigDecimal("2000000"), 4, start, LoanPurpose.TRADE, "a food stall", treasurer, List.of(), null, null, key()))),
                "loans.application.first-due-past");
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), new LoanApplication(siti.id(), flat.id(),
                new BigDecimal("2000000"), 4, start.plusMonths(1), LoanPurpose.TRADE, "a food stall", treasurer, List.of(), null, null, key())));
        as(chair, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null));
        as(treasurer, "TREASURER", () -> loans.disburse(coop.id(), applied.id(), new Disbursement(start, Channel.CASH, key())));
        assertThat(loans.schedule(coop.id(), applied.id(), null).get(0).dueDate()).isEqualTo(start.plusMonths(1));
    }

    @Test
    void aReplayedApplicationAppliesOnce() {
        LoanApplication a = application(siti, flat, "5000000", 10, null);
        Loan first = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), a));
        Loan again = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), a));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(loans.loansOf(coop.id(), siti.id())).hasSize(1);
    }

    @Test
    void applicationsOutsideTheProductAreRefusedAndChangeNothing() {
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, flat, "100", 10, null))),
                "loans.application.amount");
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, flat, "5000000", 30, null))),
                "loans.application.instalments");
        Member self = siti;
        LoanApplication guaranteedBySelf = new LoanApplication(siti.id(), flat.id(), new BigDecimal("5000000"), 10,
                today.plusMonths(1), LoanPurpose.TRADE, "stall", treasurer, List.of(self.id()), null, null, key());
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), guaranteedBySelf)), "loans.guarantor.self");
        // a hostile list is refused by its size before any member is read (more than a lookup may ask for)
        LoanApplication crowd = new LoanApplication(siti.id(), flat.id(), new BigDecimal("5000000"), 10, today.plusMonths(1),
                LoanPurpose.TRADE, "stall", treasurer, LongStream.rangeClosed(1, MemberService.MAX_LOOKUP + 1).boxed().toList(),
                null, null, key());
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), crowd)), "loans.guarantor.count");
        LoanApplication unknownOfficer = new LoanApplication(siti.id(), flat.id(), new BigDecimal("5000000"), 10,
                today.plusMonths(1), LoanPurpose.TRADE, "stall", "nobody.here", List.of(), null, null, key());
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), unknownOfficer)), "loans.application.officer");
        LoanApplication noPurpose = new LoanApplication(siti.id(), flat.id(), new BigDecimal("5000000"), 10,
                today.plusMonths(1), null, "stall", treasurer, List.of(), null, null, key());
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), noPurpose)), "loans.application.purpose-category");
        assertThat(loans.loansOf(coop.id(), siti.id())).isEmpty();
    }

    /** The list of a status pages with its total: nothing is cut off silently. */
    @Test
    void theLoansOfAStatusPageWithTheirTotal() {
        List<Loan> applied = java.util.stream.IntStream.range(0, 3).mapToObj(i -> as(treasurer, "TREASURER",
                () -> loans.apply(coop.id(), application(siti, flat, "1000000", 5, null)))).toList();
        assertThat(loans.countIn(coop.id(), LoanStatus.APPLIED)).isEqualTo(3);
        List<Loan> first = loans.loansIn(coop.id(), LoanStatus.APPLIED, 0, 2);
        List<Loan> second = loans.loansIn(coop.id(), LoanStatus.APPLIED, 2, 2);
        assertThat(java.util.stream.Stream.concat(first.stream(), second.stream()).map(Loan::id))
                .as("latest first, each once").containsExactly(applied.get(2).id(), applied.get(1).id(), applied.get(0).id());
        assertThat(loans.countIn(coop.id(), LoanStatus.ACTIVE)).isZero();
        refused(() -> loans.loansIn(coop.id(), LoanStatus.APPLIED, 0, LoanService.MAX_PAGE + 1), "page.invalid");
        refused(() -> loans.loansIn(coop.id(), LoanStatus.APPLIED, -1, 10), "page.invalid");
        refused(() -> loans.countIn(coop.id(), null), "loans.status.missing");
    }

    @Test
    void theProductsLimitOfOpenLoansPerMemberHolds() {
        LoanProduct single = products.create(coop.id(), product("SINGLE", org.lumbung.loans.schedule.InterestMethod.FLAT, null,
                BigDecimal.ZERO, 1));
        as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, single, "1000000", 5, null)));
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, single, "1000000", 5, null))),
                "loans.member.too-many-loans");
    }

    @Test
    void aDisbursementDebitsTheLoansSubAccountAndDeductsTheFee() {
        BigDecimal cashBefore = balance("1100");
        Loan loan = activeLoan(siti, flat, "5000000", 10, null);
        assertThat(loan.status()).isEqualTo(LoanStatus.ACTIVE);
        assertThat(loan.outstandingPrincipal()).isEqualByComparingTo("5000000");
        LoanTransaction d = loans.transactions(coop.id(), loan.id()).get(0);
        JournalEntry entry = ledger.entry(coop.id(), d.journalEntryId());
        // 1 % fee deducted: the borrower receives 4,950,000; fee income 50,000
        assertThat(entry.lines()).extracting(l -> l.accountCode() + " " + l.side() + " " + l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(loan.number() + " DEBIT 5000000", "1100 CREDIT 4950000", "4200 CREDIT 50000");
        assertThat(balance("1100")).isEqualByComparingTo(cashBefore.subtract(new BigDecimal("4950000")));
        assertThat(chart.account(coop.id(), loan.number()).memberId()).isEqualTo(siti.id());
        // flat 1.5 % a month on 5,000,000: 75,000 interest each month; 500,000 principal, rounded to 100
        List<LoanInstalment> schedule = loans.schedule(coop.id(), loan.id(), null);
        assertThat(schedule).hasSize(10);
        assertThat(schedule.get(0).interestDue()).isEqualByComparingTo("75000");
        assertThat(schedule.stream().map(LoanInstalment::principalDue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("5000000");
    }

    @Test
    void aRepaymentSplitsAsPreviewedAndPaysTheOldestInstalmentFirst() {
        Loan loan = activeLoan(siti, flat, "5000000", 10, null);
        RepaymentPreview preview = repayments.preview(coop.id(), loan.id(), new BigDecimal("600000"));
        // instalment 1: 75,000 interest then 500,000 principal; 25,000 left for instalment 2's interest
        assertThat(preview.allocation().interest()).isEqualByComparingTo("100000");
        assertThat(preview.allocation().principal()).isEqualByComparingTo("500000");
        assertThat(preview.outstandingAfter()).isEqualByComparingTo("4500000");
        LoanTransaction t = as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), loan.id(),
                new Repayment(new BigDecimal("600000"), today, Channel.CASH, null, key())));
        assertThat(t.principal()).isEqualByComparingTo("500000");
        assertThat(t.interest()).isEqualByComparingTo("100000");
        assertThat(t.outstandingAfter()).isEqualByComparingTo("4500000");
        assertThat(ledger.entry(coop.id(), t.journalEntryId()).lines())
                .extracting(l -> l.accountCode() + " " + l.side() + " " + l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("1100 DEBIT 600000", loan.number() + " CREDIT 500000", "4100 CREDIT 100000");
        List<LoanInstalment> schedule = loans.schedule(coop.id(), loan.id(), null);
        assertThat(schedule.get(0).state()).isEqualTo(LoanInstalment.State.PAID);
        assertThat(schedule.get(1).interestPaid()).isEqualByComparingTo("25000");
        assertThat(loans.loan(coop.id(), loan.id()).outstandingPrincipal()).isEqualByComparingTo("4500000");
    }

    @Test
    void aRepaymentsReceiptShowsTheSplitAndTheBalanceAfterInTheBorrowersLanguage() throws Exception {
        Loan loan = activeLoan(siti, flat, "5000000", 10, null);
        LoanTransaction t = as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), loan.id(),
                new Repayment(new BigDecimal("575000"), today, Channel.CASH, null, key())));
        byte[] pdf = receipts.pdf(coop.id(), loan.id(), t.id());
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Kuitansi angsuran pinjaman", "Siti Aminah", loan.number(), "untuk pokok",
                    "untuk jasa", "Sisa pokok setelahnya").doesNotContain("Loan repayment receipt");
            assertThat(text.replaceAll("[^0-9]", "")).contains("4500000");
        }
        LoanTransaction disbursement = loans.transactions(coop.id(), loan.id()).get(0);
        refused(() -> receipts.pdf(coop.id(), loan.id(), disbursement.id()), "loans.receipt.not-found");
    }

    @Test
    void aRepaymentReplayedWithItsKeyBooksOnce() {
        Loan loan = activeLoan(siti, flat, "5000000", 10, null);
        Repayment r = new Repayment(new BigDecimal("575000"), today, Channel.CASH, null, key());
        LoanTransaction first = as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), loan.id(), r));
        LoanTransaction again = as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), loan.id(), r));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(loans.loan(coop.id(), loan.id()).outstandingPrincipal()).isEqualByComparingTo("4500000");
    }

    @Test
    void paymentsBeyondWhatIsOwedAreRefused() {
        Loan loan = activeLoan(siti, flat, "1000000", 2, null);
        refused(() -> repayments.preview(coop.id(), loan.id(), new BigDecimal("5000000")), "loans.repayment.more-than-owed");
    }

    @Test
    void payingTheWholeScheduleClosesTheLoan() {
        Loan loan = activeLoan(siti, flat, "1000000", 2, null);
        BigDecimal owed = loans.schedule(coop.id(), loan.id(), null).stream().map(LoanInstalment::outstanding)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), loan.id(), new Repayment(owed, today, Channel.CASH, null, key())));
        Loan closed = loans.loan(coop.id(), loan.id());
        assertThat(closed.status()).isEqualTo(LoanStatus.CLOSED);
        assertThat(closed.outstandingPrincipal()).isEqualByComparingTo("0");
    }

    @Test
    void aMemberWithARunningLoanCannotLeaveUntilItIsPaidOff() {
        Loan loan = activeLoan(siti, flat, "1000000", 2, null);
        Map<String, List<BigDecimal>> before = LedgerInvariants.state(dsl, coop.id());
        refused(() -> exits.preview(coop.id(), siti.id(), today), "loans.exit.open-loan");
        refused(() -> as(treasurer, "TREASURER", () -> exits.settle(coop.id(), siti.id(), today, "moving away", key())),
                "loans.exit.open-loan");
        assertThat(LedgerInvariants.state(dsl, coop.id())).isEqualTo(before);
        assertThat(loans.loan(coop.id(), loan.id()).status()).isEqualTo(LoanStatus.ACTIVE);
        PayoffQuote quote = repayments.payoffQuote(coop.id(), loan.id(), today);
        as(treasurer, "TREASURER", () -> repayments.payOff(coop.id(), loan.id(),
                new Repayment(quote.total(), today, Channel.CASH, null, key())));
        as(treasurer, "TREASURER", () -> exits.settle(coop.id(), siti.id(), today, "moving away", key()));
        assertThat(members.member(coop.id(), siti.id()).status()).isEqualTo(MemberStatus.EXITED);
    }

    @Test
    void aPayoffTakesExactlyTheQuoteAndWaivesLaterInterest() {
        Loan loan = activeLoan(siti, flat, "5000000", 10, null);
        PayoffQuote quote = repayments.payoffQuote(coop.id(), loan.id(), today);
        // paid off on the day of disbursement: principal only (interest to the payment date is nothing)
        assertThat(quote.principal()).isEqualByComparingTo("5000000");
        assertThat(quote.interest()).isEqualByComparingTo("0");
        refused(() -> as(treasurer, "TREASURER", () -> repayments.payOff(coop.id(), loan.id(),
                new Repayment(quote.total().add(BigDecimal.ONE), today, Channel.CASH, null, key()))), "loans.payoff.amount");
        LoanTransaction t = as(treasurer, "TREASURER", () -> repayments.payOff(coop.id(), loan.id(),
                new Repayment(quote.total(), today, Channel.CASH, null, key())));
        assertThat(t.kind()).isEqualTo(LoanTransaction.Kind.PREPAYMENT);
        Loan closed = loans.loan(coop.id(), loan.id());
        assertThat(closed.status()).isEqualTo(LoanStatus.CLOSED);
        assertThat(balance(loan.number())).isEqualByComparingTo("0");
        assertThat(loans.schedule(coop.id(), loan.id(), null)).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo(LoanInstalment.State.PAID);
            assertThat(i.interestWaived()).isEqualByComparingTo(i.interestDue());
        });
    }

    @Test
    void aWriteOffNeedsASecondPersonAndARecoveryIsIncome() {
        Loan loan = activeLoan(siti, flat, "2000000", 4, null);
        refused(() -> as(chair, "CHAIR", () -> workouts.writeOff(coop.id(), loan.id(), today, key())), "loans.write-off.not-requested");
        as(treasurer, "TREASURER", () -> workouts.requestWriteOff(coop.id(), loan.id(), "moved away, no contact"));
        assertThatThrownBy(() -> as(treasurer, "CHAIR", () -> workouts.writeOff(coop.id(), loan.id(), today, key())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("loans.same-person"));
        BigDecimal allowanceBefore = balance("1310");
        LoanTransaction w = as(chair, "CHAIR", () -> workouts.writeOff(coop.id(), loan.id(), today, key()));
        assertThat(w.principal()).isEqualByComparingTo("2000000");
        Loan written = loans.loan(coop.id(), loan.id());
        assertThat(written.status()).isEqualTo(LoanStatus.WRITTEN_OFF);
        assertThat(balance(loan.number())).isEqualByComparingTo("0");
        assertThat(balance("1310")).isEqualByComparingTo(allowanceBefore.add(new BigDecimal("2000000")));
        LoanTransaction r = as(treasurer, "TREASURER", () -> repayments.recover(coop.id(), loan.id(),
                new Repayment(new BigDecimal("300000"), today, Channel.CASH, "paid by her brother", key())));
        assertThat(ledger.entry(coop.id(), r.journalEntryId()).lines())
                .extracting(l -> l.accountCode() + " " + l.side() + " " + l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("1100 DEBIT 300000", "4120 CREDIT 300000");
        refused(() -> as(treasurer, "TREASURER", () -> repayments.recover(coop.id(), loan.id(),
                new Repayment(new BigDecimal("90000000"), today, Channel.CASH, null, key()))), "loans.recovery.too-much");
    }

    @Test
    void aRescheduleKeepsTheOldScheduleAndSpreadsTheOutstandingPrincipal() {
        Loan loan = activeLoan(siti, flat, "3000000", 3, null);
        as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), loan.id(),
                new Repayment(new BigDecimal("1045000"), today, Channel.CASH, null, key())));
        Loan re = as(treasurer, "TREASURER", () -> workouts.reschedule(coop.id(), loan.id(), new Reschedule(today, 6,
                today.plusMonths(1), AllocationOrder.PRINCIPAL_FIRST, "harvest failed", key())));
        assertThat(re.restructured()).isTrue();
        assertThat(re.scheduleVersion()).isEqualTo(2);
        assertThat(re.terms().allocationOrder()).isEqualTo(AllocationOrder.PRINCIPAL_FIRST);
        List<LoanInstalment> old = loans.schedule(coop.id(), loan.id(), 1);
        assertThat(old.get(0).state()).isEqualTo(LoanInstalment.State.PAID);
        assertThat(old.subList(1, 3)).allSatisfy(i -> assertThat(i.state()).isEqualTo(LoanInstalment.State.SUPERSEDED));
        List<LoanInstalment> fresh = loans.schedule(coop.id(), loan.id(), null);
        assertThat(fresh).hasSize(6);
        assertThat(fresh.stream().map(LoanInstalment::principalDue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(re.outstandingPrincipal()).isEqualByComparingTo("2000000");
        // the new schedule's own interest only (6 × 1.5 % of 2,000,000): the old instalments 2 and 3, not yet due, are
        // not carried on top of it, and instalment 1 was paid
        assertThat(fresh.stream().map(LoanInstalment::interestDue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("180000");
    }

    /**
     * A loan whose first instalment is a month late (its fixed 25,000 penalty charged) is rescheduled on the second's due
     * date: the new first instalment carries both instalments' interest (90,000, earned by that day) and the penalty, the
     * old instalments are superseded, the loan is current again and closing the next days charges nothing more; paying
     * the new first instalment settles it.
     */
    @Test
    void aLoanRescheduledWithAnOverdueInstalmentCarriesWhatWasEarnedAndIsCurrentAgain() {
        LocalDate start = today.minusMonths(2).minusDays(3);
        as(chair, "CHAIR", () -> {
            close.start(coop.id(), start);
            return null;
        });
        LoanProduct late = products.create(coop.id(), new NewLoanProduct("LATE", "Business loan", "Pinjaman usaha", "IDR",
                InterestMethod.FLAT, new BigDecimal("1.5"), RatePeriod.MONTH, RepaymentFrequency.MONTHLY, 1, 24,
                new BigDecimal("500000"), new BigDecimal("50000000"), 0, 0, DayCount.THIRTY_360, new BigDecimal("100"), null,
                new PenaltyRule(PenaltyKind.FIXED, new BigDecimal("25000"), 0, null), null, null, false, 3, BigDecimal.ZERO));
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), new LoanApplication(siti.id(), late.id(),
                new BigDecimal("3000000"), 3, start.plusMonths(1), LoanPurpose.TRADE, "a food stall", treasurer, List.of(), null,
                null, key())));
        as(chair, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null));
        as(treasurer, "TREASURER", () -> loans.disburse(coop.id(), applied.id(), new Disbursement(start, Channel.CASH, key())));
        LocalDate secondDue = loans.schedule(coop.id(), applied.id(), 1).get(1).dueDate();
        as(chair, "CHAIR", () -> close.catchUp(coop.id(), secondDue, null));
        LoanInstalment first = loans.schedule(coop.id(), applied.id(), 1).get(0);
        assertThat(first.state()).isEqualTo(LoanInstalment.State.OVERDUE);
        assertThat(first.penaltyDue()).isEqualByComparingTo("25000");

        as(treasurer, "TREASURER", () -> workouts.reschedule(coop.id(), applied.id(), new Reschedule(secondDue, 6,
                secondDue.plusMonths(1), null, "harvest failed", key())));

        assertThat(loans.schedule(coop.id(), applied.id(), 1))
                .allSatisfy(i -> assertThat(i.state()).isEqualTo(LoanInstalment.State.SUPERSEDED));
        List<LoanInstalment> fresh = loans.schedule(coop.id(), applied.id(), null);
        assertThat(fresh).hasSize(6).allSatisfy(i -> assertThat(i.state()).isEqualTo(LoanInstalment.State.DUE));
        // its own 45,000 (1.5 % of 3,000,000) and the 90,000 both old instalments had earned by the day
        assertThat(fresh.get(0).interestDue()).isEqualByComparingTo("135000");
        assertThat(fresh.get(0).penaltyDue()).isEqualByComparingTo("25000");
        assertThat(fresh.subList(1, 6)).allSatisfy(i -> assertThat(i.penaltyDue()).isZero());

        as(chair, "CHAIR", () -> close.catchUp(coop.id(), secondDue.plusDays(3), null));
        assertThat(loans.schedule(coop.id(), applied.id(), null)).as("current again: nothing overdue, no new penalty")
                .allSatisfy(i -> assertThat(i.state()).isEqualTo(LoanInstalment.State.DUE))
                .extracting(i -> i.penaltyDue().stripTrailingZeros().toPlainString()).containsExactly("25000", "0", "0", "0", "0", "0");

        BigDecimal firstNew = fresh.get(0).outstanding();
        assertThat(firstNew).isEqualByComparingTo("660000");           // 500,000 + 135,000 + 25,000
        as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), applied.id(),
                new Repayment(firstNew, secondDue.plusDays(3), Channel.CASH, null, key())));
        assertThat(loans.schedule(coop.id(), applied.id(), null).get(0).state()).isEqualTo(LoanInstalment.State.PAID);
        assertThat(balance(applied.number())).isEqualByComparingTo("2500000");
    }

    @Test
    void requiredSavingsAreHeldUntilTheLoanIsRepaid() {
        LoanProduct secured = products.create(coop.id(), product("SECURED", org.lumbung.loans.schedule.InterestMethod.FLAT, null,
                BigDecimal.TEN, 1));
        SavingsAccount sukarela = voluntary(siti);
        deposit(sukarela, "300000");
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, secured, "5000000", 10, sukarela.id()))),
                "loans.required-savings.short");
        deposit(sukarela, "700000");
        Loan loan = activeLoan(siti, secured, "5000000", 10, sukarela.id());
        assertThat(loan.requiredSavings()).isEqualByComparingTo("500000");
        // 1,000,000 held 500,000 + the minimum 10,000: 490,000 may go, 490,001 may not
        refused(() -> savings.withdraw(coop.id(), new Movement(sukarela.id(), new BigDecimal("490001"), today, null, key())),
                "savings.withdrawal.held");
        savings.withdraw(coop.id(), new Movement(sukarela.id(), new BigDecimal("490000"), today, null, key()));
        // what the loan holds is not free for another loan's required savings, nor to repay another loan from savings
        LoanProduct securedToo = products.create(coop.id(), product("SECURED2", org.lumbung.loans.schedule.InterestMethod.FLAT,
                null, BigDecimal.TEN, 3));
        refused(() -> as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, securedToo, "1000000", 10,
                sukarela.id()))), "loans.required-savings.short");
        deposit(sukarela, "100000");
        Loan other = activeLoan(siti, flat, "1000000", 2, sukarela.id());
        refused(() -> as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), other.id(),
                new Repayment(new BigDecimal("100001"), today, Channel.SAVINGS, null, key()))), "savings.withdrawal.held");
        as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), other.id(),
                new Repayment(new BigDecimal("100000"), today, Channel.SAVINGS, null, key())));
        PayoffQuote quote = repayments.payoffQuote(coop.id(), loan.id(), today);
        as(treasurer, "TREASURER", () -> repayments.payOff(coop.id(), loan.id(), new Repayment(quote.total(), today, Channel.CASH, null, key())));
        savings.withdraw(coop.id(), new Movement(sukarela.id(), new BigDecimal("500000"), today, null, key()));
        assertThat(savings.account(coop.id(), sukarela.id()).balance()).isEqualByComparingTo("10000");
    }

    @Test
    void aRepaymentFromSavingsDebitsTheLinkedAccount() {
        SavingsAccount sukarela = voluntary(siti);
        deposit(sukarela, "1000000");
        Loan loan = activeLoan(siti, flat, "5000000", 10, sukarela.id());
        LoanTransaction t = as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), loan.id(),
                new Repayment(new BigDecimal("575000"), today, Channel.SAVINGS, null, key())));
        assertThat(t.channel()).isEqualTo(Channel.SAVINGS);
        assertThat(savings.account(coop.id(), sukarela.id()).balance()).isEqualByComparingTo("425000");
        refused(() -> as(treasurer, "TREASURER", () -> repayments.repay(coop.id(), loan.id(),
                new Repayment(new BigDecimal("420000"), today, Channel.SAVINGS, null, key()))), "savings.withdrawal.minimum");
    }

    @Test
    void theLendingLimitIsOverriddenOnlyByTheApproverWithAReason() {
        // own capital 100,000,000: limit 20 % = 20,000,000; insiders 10 % = 10,000,000
        Loan big = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, flat, "25000000", 10, null)));
        refused(() -> as(chair, "CHAIR", () -> loans.approve(coop.id(), big.id(), null, null)), "loans.limit.exceeded");
        Loan approved = as(chair, "CHAIR", () -> loans.approve(coop.id(), big.id(), null, "harvest contract with Bulog"));
        assertThat(approved.limitOverrideBy()).isEqualTo(chair);
        assertThat(approved.limitOverrideReason()).isEqualTo("harvest contract with Bulog");
        as(treasurer, "TREASURER", () -> loans.disburse(coop.id(), big.id(), new Disbursement(today, Channel.CASH, key())));

        Member board = member("Pak Lurah");
        limits.setInsider(coop.id(), board.id(), InsiderRelation.BOARD);
        Loan insider = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(board, flat, "15000000", 10, null)));
        refused(() -> as(chair, "CHAIR", () -> loans.approve(coop.id(), insider.id(), null, null)), "loans.limit.insider-exceeded");
    }
}
