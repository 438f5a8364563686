package org.lumbung.loans;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal lending limit under real concurrency: two loans of one borrower, each within the limit alone,
 * disbursed in two transactions at once. The first stays open (posted, not committed) until the second
 * waits on a lock; without the borrower's row lock the second reads the exposure without the first loan,
 * passes, and only then queues behind the ledger's head lock, so both would be paid out.
 */
class LendingLimitConcurrencyTest extends LoanTestBase {

    @Autowired
    TransactionTemplate transactions;

    Member siti;

    @BeforeEach
    void setUp() {
        setUpCooperative("limit");
        siti = member("Siti Aminah");
    }

    @Test
    void twoConcurrentDisbursementsCannotBothTakeTheBorrowerBeyondTheLimit() throws Exception {
        // own capital 100,000,000 → limit 20,000,000; each loan 12,000,000, both 24,000,000
        Loan first = approved("12000000");
        Loan second = approved("12000000");
        Throwable secondOutcome = race(() -> disburse(first), () -> disburse(second));
        assertThat(secondOutcome).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("loans.limit.exceeded"));
        assertThat(loans.loan(coop.id(), first.id()).status()).isEqualTo(LoanStatus.ACTIVE);
        assertThat(loans.loan(coop.id(), second.id()).status()).isEqualTo(LoanStatus.APPROVED);
        assertThat(limits.exposure(coop.id(), siti.id())).isEqualByComparingTo("12000000");
    }

    private Loan approved(String amount) {
        Loan applied = as(treasurer, "TREASURER", () -> loans.apply(coop.id(), application(siti, flat, amount, 10, null)));
        return as(chair, "CHAIR", () -> loans.approve(coop.id(), applied.id(), null, null));
    }

    private void disburse(Loan loan) {
        as(treasurer, "TREASURER", () -> loans.disburse(coop.id(), loan.id(), new Disbursement(today, Channel.CASH, key())));
    }

    /** The second's refusal, or null if it was booked. */
    private Throwable race(Runnable first, Runnable second) throws Exception {
        SecurityContext signedIn = SecurityContextHolder.getContext();
        CountDownLatch firstPosted = new CountDownLatch(1);
        CompletableFuture<Void> firstDone = CompletableFuture.runAsync(() -> within(signedIn, () -> transactions.executeWithoutResult(s -> {
            first.run();
            firstPosted.countDown();
            awaitLockWaiter();
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

    private void awaitLockWaiter() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (dsl.fetchOne("select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock'").get(0, Long.class) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the second disbursement never waited for the first one's locks");
            }
            Thread.onSpinWait();
        }
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
