package org.lumbung.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.db.CooperativeScope;
import org.lumbung.platform.db.ScopedDataSource;
import org.lumbung.testsupport.LedgerFixture;
import org.lumbung.testsupport.LockWaits;
import org.lumbung.testsupport.TestPostgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;

/**
 * The group commit writes every caller's posting in one transaction on the leader's thread and
 * connection: it must run under the posting cooperative's row-level-security scope, not the leader's,
 * and a caller outside that cooperative must not get in by joining someone else's group. The ledger
 * here connects as lumbung_app (row-level security applies) and each thread carries its own scope.
 */
class GroupCommitScopeTest {

    static final ThreadLocal<String> SCOPE = ThreadLocal.withInitial(() -> CooperativeScope.NONE);

    static LedgerFixture owner;
    static HikariDataSource appPool;
    static LedgerService ledger;

    @BeforeAll
    static void database() {
        assumeThat(TestPostgres.embedded()).as("the lumbung_app role exists on the embedded test server").isTrue();
        owner = LedgerFixture.fresh(4);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(owner.dataSource.getJdbcUrl());
        config.setUsername("lumbung_app");
        config.setPassword("lumbung");
        config.setMaximumPoolSize(8);
        appPool = new HikariDataSource(config);
        DSLContext app = DSL.using(new ScopedDataSource(appPool, SCOPE::get), SQLDialect.POSTGRES);
        ledger = new LedgerService(app, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        if (appPool != null) {
            appPool.close();
            owner.close();
        }
    }

    @Test
    void aGroupRunsUnderItsOwnCooperativesScopeNotTheLeaders() {
        Cooperative coop = owner.newCooperative();
        owner.dsl.execute("create table if not exists scope_seen (cooperative_id bigint, scope text)");
        owner.dsl.execute("""
                create or replace function record_scope() returns trigger language plpgsql security definer as $$
                begin
                  insert into scope_seen values (new.cooperative_id, current_setting('lumbung.cooperative_ids', true));
                  return new;
                end $$""");
        owner.dsl.execute("create or replace trigger record_scope after insert on journal_entry for each row execute function record_scope()");
        try {
            SCOPE.set(CooperativeScope.ALL); // an administrator leads the group
            ledger.post(deposit(coop, "admin-posts-1"));
        } finally {
            SCOPE.remove();
            owner.dsl.execute("drop trigger record_scope on journal_entry");
        }
        assertThat(owner.dsl.fetch("select scope from scope_seen where cooperative_id = " + coop.id()).getValues(0, String.class))
                .containsExactly(Long.toString(coop.id()));
    }

    @Test
    void aCallerOfAnotherCooperativeCannotPostThroughSomeoneElsesGroup() throws Exception {
        Cooperative a = owner.newCooperative();
        Cooperative b = owner.newCooperative();
        CompletableFuture<PostingResult> leader;
        CompletableFuture<PostingResult> follower;
        CompletableFuture<PostingResult> intruder;
        try (Connection lock = owner.dataSource.getConnection(); Statement s = lock.createStatement()) {
            // hold a's head so the leader's round waits while the others queue behind it
            lock.setAutoCommit(false);
            s.execute("select * from ledger_head where cooperative_id = " + a.id() + " for update");
            leader = postAs(a, deposit(a, "teller-a-lead"));
            LockWaits.awaitSessionWaitingForALock(owner.dsl, "the group's leader");
            follower = postAs(a, deposit(a, "teller-a-next"));
            intruder = postAs(b, deposit(a, "teller-b-into-a"));
            awaitQueuedOrDone(follower, intruder);
            lock.rollback();
        }
        assertThat(leader.get(30, TimeUnit.SECONDS).replayed()).isFalse();
        assertThat(follower.get(30, TimeUnit.SECONDS).replayed()).isFalse();
        assertThat(intruder).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cooperative.not-found"));
        assertThat(owner.dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(a.id()))).isEqualTo(2);
    }

    static PostingRequest deposit(Cooperative coop, String key) {
        return new PostingRequest(coop.id(), key, LocalDate.now(coop.zone()), "deposit", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("1000")), PostingLine.credit("2100", new BigDecimal("1000"))),
                "teller");
    }

    /** Posts on a thread of its own, signed in to {@code scope}'s cooperative. */
    static CompletableFuture<PostingResult> postAs(Cooperative scope, PostingRequest request) {
        CompletableFuture<PostingResult> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            SCOPE.set(Long.toString(scope.id()));
            try {
                result.complete(ledger.post(request));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        t.start();
        THREADS.put(result, t);
        return result;
    }

    static final java.util.Map<CompletableFuture<PostingResult>, Thread> THREADS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Until both callers wait in the group commit's queue (or, refused at the door, are done). */
    static void awaitQueuedOrDone(CompletableFuture<?>... postings) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (CompletableFuture<?> p : postings) {
            Thread t = THREADS.get(p);
            while (!p.isDone() && t.getState() != Thread.State.WAITING) {
                assertThat(System.nanoTime()).as("queued in time").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }
}
