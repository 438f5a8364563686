package org.lumbung.savings;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.LockWaits;
import org.lumbung.testsupport.UniqueSuffix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Balance-dependent rules under real concurrency: two movements on one account, each in its own
 * transaction (the caller-transaction path, not serialised by the group commit). The second reads the
 * balance and passes the check while the first has posted but not committed, then waits for the
 * ledger's locks; only a rule checked under those locks can still refuse it.
 */
class SavingsConcurrencyTest extends SavingsTestBase {

    @Autowired
    TransactionTemplate transactions;

    Member siti;

    @BeforeEach
    void setUp() {
        cooperativeWithProducts("sc-" + UniqueSuffix.next());
        siti = member("Siti Aminah", LocalDate.of(2025, 12, 6));
    }

    @Test
    void twoConcurrentWithdrawalsCannotBothTakeTheAccountBelowItsMinimum() throws Exception {
        SavingsAccount sukarela = account(siti, SavingsKind.VOLUNTARY);
        deposit(sukarela, "100000", JAN_10);
        // each alone leaves 50,000 (minimum 10,000); both would leave 0
        Race race = race(() -> withdraw(sukarela, "50000", JAN_10), () -> withdraw(sukarela, "50000", JAN_10));
        assertThat(race.second()).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("savings.withdrawal.minimum"));
        assertThat(balance(sukarela)).isEqualByComparingTo("50000");
    }

    @Test
    void twoConcurrentShareCapitalDepositsCannotExceedTheProductsAmount() throws Exception {
        SavingsAccount share = account(siti, SavingsKind.SHARE);
        Race race = race(() -> deposit(share, "60000", JAN_10), () -> deposit(share, "60000", JAN_10));
        assertThat(race.second()).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("savings.share.over"));
        assertThat(balance(share)).isEqualByComparingTo("60000");
    }

    /** What the second movement of a race ended with: null if it was booked, else its refusal. */
    record Race(Throwable second) {
    }

    /**
     * Runs {@code first} in a transaction that stays open until {@code second}, started meanwhile in its
     * own transaction, waits on a lock; then commits the first and lets the second finish.
     */
    Race race(Supplier<?> first, Supplier<?> second) throws Exception {
        SecurityContext signedIn = SecurityContextHolder.getContext();
        CountDownLatch firstPosted = new CountDownLatch(1);
        CompletableFuture<Void> firstDone = CompletableFuture.runAsync(() -> as(signedIn, () -> transactions.executeWithoutResult(s -> {
            first.get();
            firstPosted.countDown();
            LockWaits.awaitSessionWaitingForALock(dsl, "the second movement");
        })));
        assertThat(firstPosted.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Throwable> secondDone = CompletableFuture.supplyAsync(() -> {
            try {
                as(signedIn, second::get);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        firstDone.get(60, TimeUnit.SECONDS);
        return new Race(secondDone.get(60, TimeUnit.SECONDS));
    }

    private static void as(SecurityContext context, Runnable work) {
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
