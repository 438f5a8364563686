package org.lumbung.loans;

import org.junit.jupiter.api.AfterEach;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.Fee;
import org.lumbung.loans.schedule.FeeKind;
import org.lumbung.loans.schedule.FeeTiming;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.Movement;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.LedgerInvariants;
import org.lumbung.testsupport.LockWaits;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cooperative with own capital of 100,000,000 (a grant), a voluntary savings product, a treasurer (bu.sri,
 * who enters applications) and a chair (pak.budi, who decides), and a flat loan product; after every test the
 * ledger's invariants hold and every active loan's sub-account equals its schedule's unpaid principal.
 */
abstract class LoanTestBase extends DatabaseTest {

    static final String TREASURER = "bu.sri";
    static final String CHAIR = "pak.budi";

    @Autowired LoanProductService products;
    @Autowired LoanService loans;
    @Autowired LoanRepayments repayments;
    @Autowired LoanWorkouts workouts;
    @Autowired LendingLimits limits;
    @Autowired MemberService members;
    @Autowired SavingsService savings;
    @Autowired SavingsProducts savingsProducts;
    @Autowired LedgerService ledger;
    @Autowired ChartOfAccounts chart;
    @Autowired UserService users;
    @Autowired ChainVerifier verifier;
    @Autowired TransactionTemplate transactions;

    Cooperative coop;
    LoanProduct flat;
    LocalDate today;

    void setUpCooperative(String prefix) {
        String suffix = UniqueSuffix.next();
        coop = newCooperative(prefix + "-" + suffix);
        today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        savingsProducts.create(coop.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings", "Simpanan Sukarela",
                SavingsKind.VOLUNTARY, "IDR", "2100", null, null, new BigDecimal("10000"), BigDecimal.ZERO,
                org.lumbung.savings.InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        ledger.post(new PostingRequest(coop.id(), "grant-" + suffix, today, "founding grant", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("100000000")), PostingLine.credit("3300", new BigDecimal("100000000"))),
                "test-admin"));
        users.create(new NewUser(TREASURER + "." + suffix, "Ibu Sri", Role.TREASURER, coop.id(), "id", null), "padi menguning di sawah");
        users.create(new NewUser(CHAIR + "." + suffix, "Pak Budi", Role.CHAIR, coop.id(), "id", null), "padi menguning di sawah");
        treasurer = TREASURER + "." + suffix;
        chair = CHAIR + "." + suffix;
        flat = products.create(coop.id(), product("FLAT", org.lumbung.loans.schedule.InterestMethod.FLAT, new Fee(FeeKind.PERCENT, BigDecimal.ONE,
                FeeTiming.DEDUCTED_AT_DISBURSEMENT), BigDecimal.ZERO, 3));
    }

    String treasurer;
    String chair;

    static NewLoanProduct product(String code, org.lumbung.loans.schedule.InterestMethod method, Fee fee,
                                  BigDecimal requiredSavings, int maxActive) {
        return new NewLoanProduct(code, "Business loan", "Pinjaman usaha", "IDR", method, new BigDecimal("1.5"), RatePeriod.MONTH,
                RepaymentFrequency.MONTHLY, 1, 24, new BigDecimal("500000"), new BigDecimal("50000000"), 0, 0,
                DayCount.THIRTY_360, new BigDecimal("100"), fee, null, null, null, false, maxActive, requiredSavings);
    }

    Member member(String name) {
        return members.register(coop.id(), NewMember.basic(name, "F", "Ngrupit", "0812 3456 7890", today.minusYears(1)));
    }

    SavingsAccount voluntary(Member m) {
        return savings.accounts(coop.id(), m.id()).stream().filter(a -> a.kind() == SavingsKind.VOLUNTARY).findFirst().orElseThrow();
    }

    void deposit(SavingsAccount a, String amount) {
        savings.deposit(coop.id(), new Movement(a.id(), new BigDecimal(amount), today, null, key()));
    }

    LoanApplication application(Member m, LoanProduct p, String amount, int instalments, Long savingsAccount) {
        return new LoanApplication(m.id(), p.id(), new BigDecimal(amount), instalments, today.plusMonths(1), LoanPurpose.FOOD_PROCESSING, "a food stall",
                treasurer, List.of(), "BPKB motor", savingsAccount, key());
    }

    /** Applied by the treasurer, approved by the chair, disbursed in cash today. */
    Loan activeLoan(Member m, LoanProduct p, String amount, int instalments, Long savingsAccount) {
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(m, p, amount, instalments, savingsAccount)));
        as(chair, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null));
        as(treasurer, "TREASURER", () -> loans.disburse(coop.id(), applied.id(), new Disbursement(today, Channel.CASH, key())));
        return loans.loan(coop.id(), applied.id());
    }

    BigDecimal balance(String code) {
        var a = chart.account(coop.id(), code);
        return a.debitTotal().subtract(a.creditTotal());
    }

    @AfterEach
    void invariantsHold() {
        if (coop == null) {
            return;
        }
        LedgerInvariants.assertHold(dsl, verifier, coop.id());
        for (Loan loan : loans.loansIn(coop.id(), LoanStatus.ACTIVE, 0, LoanService.MAX_PAGE)) {
            BigDecimal unpaid = loans.schedule(coop.id(), loan.id(), null).stream()
                    .filter(i -> i.state() != LoanInstalment.State.SUPERSEDED)
                    .map(i -> i.principalDue().subtract(i.principalPaid())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(loan.outstandingPrincipal()).as("loan %s: sub-account = unpaid principal", loan.number())
                    .isEqualByComparingTo(unpaid);
        }
    }

    /** The second's refusal, or null if it was booked. */
    Throwable race(Runnable first, Runnable second) throws Exception {
        SecurityContext signedIn = SecurityContextHolder.getContext();
        CountDownLatch firstPosted = new CountDownLatch(1);
        CompletableFuture<Void> firstDone = CompletableFuture.runAsync(() -> within(signedIn, () -> transactions.executeWithoutResult(s -> {
            first.run();
            firstPosted.countDown();
            LockWaits.awaitSessionWaitingForALock(dsl, "the second disbursement");
        })));
        assertThat(firstPosted.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Throwable> secondDone = CompletableFuture.supplyAsync(() -> {
            try {
                within(signedIn, second);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        firstDone.get(60, TimeUnit.SECONDS);
        return secondDone.get(60, TimeUnit.SECONDS);
    }

    private static void within(SecurityContext context, Runnable work) {
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
