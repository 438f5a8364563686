package org.lumbung.ledger;

import org.lumbung.testsupport.LedgerInvariants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.LedgerFixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;

/** 8 threads posting to overlapping accounts; replays of one key from many threads. */
class LedgerConcurrencyTest {

    static final List<String> ACCOUNTS = List.of("1100", "1200", "2100", "2200", "3100", "5400");

    static LedgerFixture fx;

    @BeforeAll
    static void database() {
        fx = LedgerFixture.fresh(8);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Test
    void eightThreadsOnOverlappingAccountsKeepTheInvariantsAndNeverDeadlock() throws Exception {
        Cooperative coop = fx.newCooperative();
        LocalDate today = LocalDate.now(coop.zone());
        fx.ledger.post(new PostingRequest(coop.id(), "seed-concurrency", today, "opening", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("1000000")), PostingLine.debit("1200", new BigDecimal("1000000")),
                        PostingLine.credit("2100", new BigDecimal("1000000")), PostingLine.credit("2200", new BigDecimal("1000000"))), "test"));
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Void>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit((Callable<Void>) () -> {
                Random random = new Random(thread);
                for (int i = 0; i < 60; i++) {
                    // three accounts in random order so lock orders would collide without a global order
                    List<String> pick = new ArrayList<>(ACCOUNTS);
                    java.util.Collections.shuffle(pick, random);
                    BigDecimal a = BigDecimal.valueOf(1 + random.nextInt(40_000));
                    BigDecimal b = BigDecimal.valueOf(1 + random.nextInt(40_000));
                    try {
                        fx.ledger.post(new PostingRequest(coop.id(), "concurrent-" + thread + "-" + i, today, "transfer", "MANUAL", null,
                                List.of(PostingLine.debit(pick.get(0), a), PostingLine.debit(pick.get(1), b),
                                        PostingLine.credit(pick.get(2), a.add(b))), "thread-" + thread));
                        posted.incrementAndGet();
                    } catch (DomainException e) {
                        // a balance constraint said no: fine, and nothing changed; any other refusal is a defect
                        assertThat(e.messageKey()).startsWith("ledger.account.constraint");
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<Void> f : futures) {
            f.get(120, TimeUnit.SECONDS); // any deadlock or database error surfaces here
        }
        pool.shutdown();
        assertThat(posted.get() + refused.get()).isEqualTo(480);
        assertThat(posted.get()).isPositive();
        assertThat(fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))).isEqualTo(posted.get() + 1);
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }

    @Test
    void aThousandReplaysOfOneKeyMakeOneEntry() throws Exception {
        Cooperative coop = fx.newCooperative();
        LocalDate today = LocalDate.now(coop.zone());
        PostingRequest request = new PostingRequest(coop.id(), "the-one-key", today, "deposit from a double-clicking form",
                "MANUAL", null, List.of(PostingLine.debit("1100", new BigDecimal("150000")),
                PostingLine.credit("2100", new BigDecimal("150000"))), "treasurer");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<PostingResult>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(pool.submit(() -> fx.ledger.post(request)));
        }
        long firstId = results.get(0).get().entry().id();
        int fresh = 0;
        for (Future<PostingResult> r : results) {
            PostingResult result = r.get(60, TimeUnit.SECONDS);
            assertThat(result.entry().id()).isEqualTo(firstId);
            fresh += result.replayed() ? 0 : 1;
        }
        pool.shutdown();
        assertThat(fresh).isEqualTo(1);
        assertThat(fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))).isEqualTo(1);
        assertThat(fx.chart.account(coop.id(), "2100").balance()).isEqualByComparingTo("150000");
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }
}
