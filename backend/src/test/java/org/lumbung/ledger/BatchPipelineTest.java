package org.lumbung.ledger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.LedgerFixture;
import org.lumbung.testsupport.LedgerInvariants;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.ledger.PostingLine.credit;
import static org.lumbung.ledger.PostingLine.debit;

/** {@link LedgerService#postBatches}: an importer's source of batches, several in flight at a time (see {@link BatchPipeline}). */
class BatchPipelineTest {

    static LedgerFixture fx;

    @BeforeAll
    static void database() {
        fx = LedgerFixture.fresh(8);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    /** Every outcome of the batches, in their order. */
    static List<BatchOutcome> postAll(Cooperative coop, List<List<PostingRequest>> batches) {
        List<BatchOutcome> outcomes = new ArrayList<>();
        fx.ledger.postBatches(coop.id(), batches.iterator(), outcomes::add);
        return outcomes;
    }

    static PostingRequest entry(Cooperative coop, String key, String debit, String credit, String amount) {
        BigDecimal a = new BigDecimal(amount);
        return new PostingRequest(coop.id(), key, LocalDate.now(coop.zone()), "entry " + key, "IMPORT", null,
                List.of(debit(debit, a), credit(credit, a)), "importer");
    }

    static List<PostingRequest> deposits(Cooperative coop, String prefix, int n) {
        List<PostingRequest> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(entry(coop, "%s-%04d".formatted(prefix, i), "1100", "2100", Integer.toString(i + 1)));
        }
        return batch;
    }

    @Test
    void batchesAreBookedInTheirOrderEachAsOneBlockOfTheChain() {
        Cooperative coop = fx.newCooperative();
        List<List<PostingRequest>> batches = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            batches.add(deposits(coop, "order-" + b, 70));
        }

        List<BatchOutcome> outcomes = postAll(coop, batches);

        assertThat(outcomes).hasSize(6).allMatch(BatchOutcome::booked);
        long sequence = 0;
        String prevHash = null;
        for (int b = 0; b < 6; b++) {
            List<PostingResult> results = outcomes.get(b).results();
            assertThat(results).hasSize(70).noneMatch(PostingResult::replayed);
            for (int i = 0; i < 70; i++) {
                JournalEntry e = results.get(i).entry();
                assertThat(e.sequence()).isEqualTo(++sequence);
                assertThat(e.idempotencyKey()).isEqualTo("order-%d-%04d".formatted(b, i));
                if (prevHash != null) {
                    assertThat(e.prevHash()).isEqualTo(prevHash);
                }
                prevHash = e.hash();
                assertThat(fx.ledger.entry(coop.id(), e.id())).isEqualTo(e);
            }
        }
        // each batch deposits 1 + 2 + … + 70 = 2,485
        assertThat(fx.chart.account(coop.id(), "2100").balance()).isEqualByComparingTo("14910");
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }

    /**
     * A batch is checked on the balances the batches before it leave, although those have not committed
     * when it is sealed: a withdrawal that only the batch before makes possible is booked, one beyond it
     * refuses its whole batch (nothing of it booked), and the batches after a refused one are booked.
     */
    @Test
    void eachBatchIsCheckedOnTheBalancesTheOnesBeforeItLeaveAndARefusedOneStopsNoOther() {
        Cooperative coop = fx.newCooperative();
        List<List<PostingRequest>> batches = List.of(
                List.of(entry(coop, "balance-deposit", "1100", "2100", "100")),
                List.of(entry(coop, "balance-withdraw", "2100", "1100", "60")),
                List.of(entry(coop, "balance-fine", "1100", "3100", "5"), entry(coop, "balance-overdraw", "2100", "1100", "41")),
                List.of(entry(coop, "balance-last", "2100", "1100", "40")));

        List<BatchOutcome> outcomes = postAll(coop, batches);

        assertThat(outcomes).extracting(BatchOutcome::booked).containsExactly(true, true, false, true);
        assertThat(outcomes.get(2).refusal().messageKey()).isEqualTo("ledger.account.constraint.debit");
        assertThat(outcomes.get(3).results().get(0).entry().sequence()).isEqualTo(3);
        assertThat(fx.chart.account(coop.id(), "2100").balance()).isEqualByComparingTo("0");
        assertThat(fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))).isEqualTo(3);
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }

    @Test
    void aBatchOfTheWrongShapeIsRefusedInItsPlaceAndTheOthersAreBooked() {
        Cooperative coop = fx.newCooperative();
        Cooperative other = fx.newCooperative();
        List<List<PostingRequest>> batches = List.of(deposits(coop, "shape-0", 5), List.of(),
                List.of(entry(coop, "shape-mine", "1100", "2100", "1"), entry(other, "shape-theirs", "1100", "2100", "1")),
                deposits(coop, "shape-3", 5));

        List<BatchOutcome> outcomes = postAll(coop, batches);

        assertThat(outcomes).extracting(BatchOutcome::booked).containsExactly(true, false, false, true);
        assertThat(outcomes.get(1).refusal().messageKey()).isEqualTo("ledger.batch.empty");
        assertThat(outcomes.get(2).refusal().messageKey()).isEqualTo("ledger.batch.mixed-cooperatives");
        assertThat(outcomes.get(3).results()).extracting(r -> r.entry().sequence()).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.in(coop.id(), other.id()))).isEqualTo(10);
    }

    @Test
    void theSameBatchesAgainAreReplayedAndBookNothing() {
        Cooperative coop = fx.newCooperative();
        List<List<PostingRequest>> batches = List.of(deposits(coop, "again-0", 30), deposits(coop, "again-1", 30));
        List<BatchOutcome> first = postAll(coop, batches);

        List<BatchOutcome> again = postAll(coop, batches);

        for (int b = 0; b < 2; b++) {
            assertThat(again.get(b).results()).allMatch(PostingResult::replayed);
            assertThat(again.get(b).results()).extracting(r -> r.entry().id())
                    .containsExactlyElementsOf(first.get(b).results().stream().map(r -> r.entry().id()).toList());
        }
        assertThat(fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()))).isEqualTo(60);
    }

    /**
     * A teller who takes the head while a pipelined batch's entries hold the next sequence numbers numbers
     * the teller's entry the same: each waits for the other. The batch gives up first (its lock timeout, long
     * before PostgreSQL would find the deadlock) and is booked after the teller's entry; the teller is never
     * failed and waits no longer than that.
     */
    @Test
    void aTellerWhoTakesTheHeadFirstIsNeverFailedAndTheBatchIsBookedAfterIt() throws Exception {
        Cooperative coop = fx.newCooperative();
        CompletableFuture<PostingResult> teller;
        CompletableFuture<List<BatchOutcome>> importer;
        try (Connection holder = fx.dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from ledger_head where cooperative_id = ? for update")) {
                lock.setLong(1, coop.id());
                lock.executeQuery().close();
            }
            teller = CompletableFuture.supplyAsync(() -> fx.ledger.post(entry(coop, "teller-first", "1100", "2100", "7")));
            awaitWaiting(1);
            importer = CompletableFuture.supplyAsync(() -> postAll(coop, List.of(deposits(coop, "behind", 20))));
            awaitWaiting(2);
            holder.commit();
        }
        long released = System.nanoTime();

        PostingResult tellers = teller.get(30, TimeUnit.SECONDS);
        long tellerWaited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released);
        List<BatchOutcome> batches = importer.get(30, TimeUnit.SECONDS);

        // PostgreSQL's deadlock detection would have broken the wait only after deadlock_timeout (1 s)
        assertThat(tellerWaited).as("the teller's wait after the head was free, ms").isLessThan(800);
        assertThat(tellers.entry().sequence()).isEqualTo(1);
        assertThat(batches.get(0).booked()).isTrue();
        assertThat(batches.get(0).results()).extracting(r -> r.entry().sequence())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(2, 21).boxed().toList());
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }

    @Test
    void tellersPostingThroughoutAnImportAreNeverFailedAndEveryBatchIsBookedOnce() throws Exception {
        Cooperative coop = fx.newCooperative();
        List<List<PostingRequest>> batches = new ArrayList<>();
        for (int b = 0; b < 16; b++) {
            batches.add(deposits(coop, "busy-" + b, 60));
        }
        AtomicBoolean importing = new AtomicBoolean(true);
        AtomicInteger tellers = new AtomicInteger();
        CompletableFuture<Void> teller = CompletableFuture.runAsync(() -> {
            while (importing.get()) {
                fx.ledger.post(entry(coop, "busy-teller-" + tellers.get(), "1100", "3100", "3"));
                tellers.incrementAndGet();
            }
        });

        List<BatchOutcome> outcomes;
        try {
            outcomes = postAll(coop, batches);
        } finally {
            importing.set(false);
        }
        teller.get(30, TimeUnit.SECONDS);

        assertThat(outcomes).allMatch(BatchOutcome::booked);
        for (BatchOutcome o : outcomes) {
            List<Long> sequences = o.results().stream().map(r -> r.entry().sequence()).toList();
            assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).as("one block of the chain").isEqualTo(59);
        }
        assertThat(tellers.get()).isPositive();
        assertThat(fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id())))
                .isEqualTo(16 * 60 + tellers.get());
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }

    /** Until at least {@code n} sessions wait for a lock (the test's own hold on the head, then the postings behind it). */
    private static void awaitWaiting(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (fx.dsl.fetchValue(org.jooq.impl.DSL.field("(select count(*) from pg_stat_activity "
                + "where wait_event_type = 'Lock' and datname = current_database())", Long.class)) < n) {
            assertThat(System.nanoTime()).as("sessions waiting for the head").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
