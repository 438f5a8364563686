package org.lumbung.sales;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.DomainException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock never goes below zero under concurrent sales: twelve counters sell the last five packets at once, each one
 * packet, in their own transactions. Without the product's row lock each would read five in stock and all twelve
 * would pass; with it exactly five are booked and seven are refused, and stock, value and ledger agree.
 */
class ShopConcurrencyTest extends ShopTestBase {

    @BeforeEach
    void setUp() {
        setUpShop("race");
        buy(keripik, "5", "10000", today.minusDays(1));
    }

    @Test
    void theLastPacketsAreSoldOnceEach() throws Exception {
        int counters = 12;
        SecurityContext signedIn = SecurityContextHolder.getContext();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(counters);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < counters; i++) {
            outcomes.add(pool.submit(() -> {
                SecurityContextHolder.setContext(signedIn);
                try {
                    start.await();
                    sell(null, Payment.CASH, keripik, "1");
                    return true;
                } catch (DomainException e) {
                    assertThat(e.messageKey()).isEqualTo("sales.stock.insufficient");
                    return false;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        start.countDown();
        int sold = 0;
        for (Future<Boolean> f : outcomes) {
            sold += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sold).isEqualTo(5);
        ShopProduct after = reread(keripik);
        assertThat(after.stockQuantity()).isZero();
        assertThat(after.stockValue()).isZero();
        assertThat(balance("1400")).isZero();
        assertThat(balance("4300")).isEqualByComparingTo(new BigDecimal("75000"));
    }
}
