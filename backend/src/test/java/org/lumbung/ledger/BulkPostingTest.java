package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.testsupport.LedgerFixture;
import org.lumbung.testsupport.LedgerInvariants;
import org.lumbung.testsupport.LockWaits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.LEDGER_JOB;

/** The bulk posting path: chunks on their own transactions, resumable, refusals per entry, tellers interleave. */
class BulkPostingTest {

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
    void aJobThatDiesHalfwayResumesWhereItStoppedAndBooksNothingTwice() {
        Cooperative coop = fx.newCooperative();
        BulkJob job = new BulkJob(coop.id(), "close-of-business-1", "CLOSE_OF_BUSINESS", BulkJob.Mode.ALL_OR_NOTHING, 100);
        AtomicInteger chunks = new AtomicInteger();
        assertThatThrownBy(() -> fx.bulk.run(job, entries(coop, 2_000, i -> false, chunk -> chunks.incrementAndGet() == 8)))
                .hasMessage("killed");
        JobProgress died = fx.bulk.progress(coop.id(), job.key());
        assertThat(died.status()).isEqualTo("FAILED");
        assertThat(died.processed()).isEqualTo(700); // seven chunks committed, the eighth rolled back
        assertThat(entryCount(coop)).isEqualTo(700);

        JobProgress done = fx.bulk.run(job, entries(coop, 2_000, i -> false, chunk -> false));
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.processed()).isEqualTo(2_000);
        assertThat(done.posted()).isEqualTo(2_000);
        assertThat(done.replayed()).isZero();
        assertThat(entryCount(coop)).isEqualTo(2_000);
        assertThat(fx.dsl.fetchOne("select count(distinct idempotency_key) from journal_entry where cooperative_id = "
                + coop.id()).get(0, Integer.class)).isEqualTo(2_000);
        assertThat(fx.bulk.run(job, entries(coop, 2_000, i -> false, chunk -> false)).posted()).isEqualTo(2_000); // done: answered
        assertThat(entryCount(coop)).isEqualTo(2_000);
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }

    @Test
    void aRunnerThatVanishedKeepsItsLeaseUntilItExpires() {
        Cooperative coop = fx.newCooperative();
        BulkJob job = new BulkJob(coop.id(), "close-of-business-2", "CLOSE_OF_BUSINESS", BulkJob.Mode.ALL_OR_NOTHING, 100);
        assertThatThrownBy(() -> fx.bulk.run(job, entries(coop, 300, i -> false, chunk -> true))).hasMessage("killed");
        // as a killed JVM leaves it: a runner and a fresh heartbeat
        fx.dsl.execute("update ledger_job set runner = gen_random_uuid(), heartbeat = now(), status = 'RUNNING' where cooperative_id = "
                + coop.id());
        assertThatThrownBy(() -> fx.bulk.run(job, entries(coop, 300, i -> false, chunk -> false)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ledger.job.running"));
        fx.dsl.execute("update ledger_job set heartbeat = now() - interval '61 seconds' where cooperative_id = " + coop.id());
        assertThat(fx.bulk.run(job, entries(coop, 300, i -> false, chunk -> false)).posted()).isEqualTo(300);
        assertThat(entryCount(coop)).isEqualTo(300);
    }

    @Test
    void inRefusalModeARefusedEntryIsReportedAndTheRestOfItsChunkBooked() {
        Cooperative coop = fx.newCooperative();
        IntPredicate bad = i -> i % 97 == 5; // these credit an account that does not exist
        JobProgress p = fx.bulk.run(new BulkJob(coop.id(), "nightly-refusals", "CLOSE_OF_BUSINESS", BulkJob.Mode.REFUSE_ENTRY, 100),
                entries(coop, 1_000, bad, chunk -> false));
        int refused = (int) java.util.stream.IntStream.range(0, 1_000).filter(bad).count();
        assertThat(p.status()).isEqualTo("DONE");
        assertThat(p.refused()).isEqualTo(refused);
        assertThat(p.posted()).isEqualTo(1_000 - refused);
        assertThat(p.refusals()).hasSize(refused).allSatisfy(r -> {
            assertThat(r.messageKey()).isEqualTo("ledger.account.unknown");
            assertThat(r.arguments()).containsExactly("9999");
        });
        assertThat(entryCount(coop)).isEqualTo(1_000 - refused);

        BulkJob strict = new BulkJob(coop.id(), "nightly-strict", "CLOSE_OF_BUSINESS", BulkJob.Mode.ALL_OR_NOTHING, 100);
        assertThatThrownBy(() -> fx.bulk.run(strict, entries(coop, 1_000, bad, chunk -> false)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ledger.account.unknown"));
        assertThat(fx.bulk.progress(coop.id(), strict.key()).processed()).isZero(); // its first chunk already held one
        assertThat(fx.dsl.fetchCount(LEDGER_JOB, LEDGER_JOB.COOPERATIVE_ID.eq(coop.id()).and(LEDGER_JOB.STATUS.eq("FAILED"))))
                .isEqualTo(1);
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }

    @Test
    void anEntryWithoutAValueDateIsRefusedOnItsOwnOrStopsAStrictJobAtItsChunk() {
        Cooperative coop = fx.newCooperative();
        IntPredicate undated = i -> i == 250 || i == 251; // in the third chunk
        JobProgress p = fx.bulk.run(new BulkJob(coop.id(), "undated-refused", "INTEREST", BulkJob.Mode.REFUSE_ENTRY, 100),
                entries(coop, 500, i -> false, undated, chunk -> false));
        assertThat(p.refused()).isEqualTo(2);
        assertThat(p.posted()).isEqualTo(498);
        assertThat(p.refusals()).extracting(JobProgress.Refusal::messageKey).containsOnly("ledger.value-date.missing");
        assertThat(entryCount(coop)).isEqualTo(498);

        BulkJob strict = new BulkJob(coop.id(), "undated-strict", "INTEREST", BulkJob.Mode.ALL_OR_NOTHING, 100);
        assertThatThrownBy(() -> fx.bulk.run(strict, entries(coop, 500, i -> false, undated, chunk -> false)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("ledger.value-date.missing"));
        // the two chunks before it stay booked and committed
        assertThat(fx.bulk.progress(coop.id(), strict.key()).processed()).isEqualTo(200);
        assertThat(entryCount(coop)).isEqualTo(698);
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }

    @Test
    void anEntryOfAnotherCooperativeStopsTheJobBeforeAnythingIsPosted() {
        Cooperative coop = fx.newCooperative();
        Cooperative other = fx.newCooperative();
        BulkJob job = new BulkJob(coop.id(), "foreign-entry", "INTEREST", BulkJob.Mode.REFUSE_ENTRY, 100);
        BulkJob.Source mixed = new BulkJob.Source() {
            @Override
            public List<GuardedPosting> entries(JobProgress progress) {
                List<GuardedPosting> entries = new ArrayList<>(BulkPostingTest.entries(coop, 300, i -> false, chunk -> false).entries(progress));
                entries.add(GuardedPosting.of(new PostingRequest(other.id(), "job-foreign-entry-999999", LocalDate.now(other.zone()),
                        "another cooperative's", "INTEREST", null, List.of(PostingLine.debit("1100", BigDecimal.ONE),
                        PostingLine.credit("2100", BigDecimal.ONE)), "system")));
                return entries;
            }

            @Override
            public void booked(DSLContext tx, List<PostingResult> booked) {
            }
        };
        assertThatThrownBy(() -> fx.bulk.run(job, mixed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in a job of " + coop.id());
        assertThat(entryCount(coop)).isZero();
        assertThat(entryCount(other)).isZero();
        assertThat(fx.bulk.progress(coop.id(), job.key()).status()).isEqualTo("FAILED");
    }

    @Test
    void aTellersPostingIsBookedBetweenTheChunksOfARunningJob() throws Exception {
        Cooperative coop = fx.newCooperative();
        AtomicInteger chunks = new AtomicInteger();
        ExecutorService counter = Executors.newSingleThreadExecutor();
        try {
            List<Future<PostingResult>> teller = new ArrayList<>();
            JobProgress p = fx.bulk.run(new BulkJob(coop.id(), "interest-teller", "INTEREST", BulkJob.Mode.ALL_OR_NOTHING, 100),
                    entries(coop, 1_000, i -> false, chunk -> {
                        if (chunks.incrementAndGet() == 2) { // the teller arrives while chunk 2 holds the head lock
                            teller.add(counter.submit(() -> fx.ledger.post(new PostingRequest(coop.id(), "teller-deposit-1",
                                    LocalDate.now(coop.zone()), "deposit at the counter", "MANUAL", null,
                                    List.of(PostingLine.debit("1100", new BigDecimal("5000")),
                                            PostingLine.credit("2100", new BigDecimal("5000"))), "teller"))));
                            // queued for the head lock before chunk 2 commits, however late its thread starts
                            LockWaits.awaitSessionWaitingForALock(fx.dsl, "the teller's posting");
                        }
                        return false;
                    }));
            // queued behind chunk 2: booked right after it, not after the job's last chunk (sequence 1001)
            assertThat(teller.get(0).get(20, TimeUnit.SECONDS).entry().sequence()).isBetween(201L, 301L);
            assertThat(p.posted()).isEqualTo(1_000);
        } finally {
            counter.shutdownNow();
        }
        LedgerInvariants.assertHold(fx.dsl, fx.verifier, coop.id());
    }

    interface ChunkHook {
        /** True to die in this chunk's transaction, as a killed process would. */
        boolean die(List<PostingResult> booked);
    }

    /** {@code n} deposits of the cooperative, keys ascending; {@code bad} ones credit an unknown account. */
    static BulkJob.Source entries(Cooperative coop, int n, IntPredicate bad, ChunkHook hook) {
        return entries(coop, n, bad, i -> false, hook);
    }

    /** As above; {@code undated} ones have no value date. */
    static BulkJob.Source entries(Cooperative coop, int n, IntPredicate bad, IntPredicate undated, ChunkHook hook) {
        LocalDate today = LocalDate.now(coop.zone());
        return new BulkJob.Source() {
            @Override
            public List<GuardedPosting> entries(JobProgress job) {
                List<GuardedPosting> entries = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    entries.add(GuardedPosting.of(new PostingRequest(coop.id(), "job-%s-%06d".formatted(job.key(), i),
                            undated.test(i) ? null : today,
                            "nightly " + i, "CLOSE_OF_BUSINESS", null, List.of(PostingLine.debit("1100", BigDecimal.valueOf(100 + i)),
                            PostingLine.credit(bad.test(i) ? "9999" : "2100", BigDecimal.valueOf(100 + i))), "system")));
                }
                return entries;
            }

            @Override
            public void booked(DSLContext tx, List<PostingResult> booked) {
                if (hook.die(booked)) {
                    throw new IllegalStateException("killed");
                }
            }
        };
    }

    private static int entryCount(Cooperative coop) {
        return fx.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(coop.id()));
    }
}
