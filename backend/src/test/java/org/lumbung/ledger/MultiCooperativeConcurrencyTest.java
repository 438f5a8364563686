package org.lumbung.ledger;

import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.testsupport.DatabaseTest;
import org.lumbung.testsupport.LedgerInvariants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;

/**
 * Concurrent transactions of several cooperatives on overlapping accounts, through every path: callers'
 * own transactions with several postings in one cooperative, callers' transactions posting in two
 * cooperatives, and the group commit. Any deadlock or lost update fails the test: every transaction
 * must commit, and every balance must equal the sum of what the committed transactions posted.
 */
class MultiCooperativeConcurrencyTest extends DatabaseTest {

    static final List<String> DEBITS = List.of("1100", "1200");
    static final List<String> CREDITS = List.of("2100", "2200", "3100");
    static final int THREADS = 6;
    static final int ROUNDS = 45;

    @Autowired
    LedgerService ledger;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    TransactionTemplate transactions;

    /** Debits less credits per cooperative and account, of committed transactions only. */
    final Map<String, BigDecimal> expected = new ConcurrentHashMap<>();

    @Test
    void transactionsOfSeveralCooperativesOnOverlappingAccountsNeverDeadlockAndKeepEveryBalance() throws Exception {
        List<Cooperative> coops = List.of(newCooperative("mc-a"), newCooperative("mc-b"), newCooperative("mc-c"));
        SecurityContext signedIn = SecurityContextHolder.getContext();
        AtomicInteger committed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Void>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                SecurityContextHolder.setContext(signedIn);
                Random random = new Random(thread);
                for (int i = 0; i < ROUNDS; i++) {
                    round(coops, thread, i, random);
                    committed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<Void> f : futures) {
            f.get(180, TimeUnit.SECONDS); // a deadlock (40P01) or any other database error surfaces here
        }
        pool.shutdown();
        assertThat(committed.get()).isEqualTo(THREADS * ROUNDS);
        for (Cooperative coop : coops) {
            LedgerInvariants.assertHold(dsl, verifier, coop.id());
            for (String code : concat(DEBITS, CREDITS)) {
                BigDecimal net = dsl.select(LEDGER_ACCOUNT.DEBIT_TOTAL.minus(LEDGER_ACCOUNT.CREDIT_TOTAL)).from(LEDGER_ACCOUNT)
                        .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(coop.id()).and(LEDGER_ACCOUNT.CODE.eq(code))).fetchOne(0, BigDecimal.class);
                assertThat(net).as("%s %s", coop.code(), code).isEqualByComparingTo(expected.getOrDefault(coop.id() + ":" + code, BigDecimal.ZERO));
            }
        }
    }

    @Test
    void aTransactionPostingInCooperativesOutOfOrderIsRefusedBeforeItLocksAnything() {
        Cooperative low = newCooperative("mc-low");
        Cooperative high = newCooperative("mc-high");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            ledger.post(entry(high, "out-of-order-1", new Random(1)));
            ledger.post(entry(low, "out-of-order-2", new Random(2)));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("ascending");
        assertThat(dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.in(low.id(), high.id()))).isZero();
    }

    /** One unit of work, by turns: two postings in one cooperative, one in each of two, or the group commit. */
    private void round(List<Cooperative> coops, int thread, int i, Random random) {
        String key = "multi-coop-" + thread + "-" + i;
        switch (i % 3) {
            case 0 -> {
                Cooperative coop = coops.get(random.nextInt(coops.size()));
                List<PostingRequest> posts = List.of(entry(coop, key + "-a", random), entry(coop, key + "-b", random));
                transactions.executeWithoutResult(s -> posts.forEach(ledger::post));
                posts.forEach(this::count);
            }
            case 1 -> {
                List<Cooperative> two = new ArrayList<>(coops);
                Collections.shuffle(two, random);
                List<PostingRequest> posts = two.subList(0, 2).stream()
                        .sorted(java.util.Comparator.comparingLong(Cooperative::id)) // the lock order across cooperatives
                        .map(c -> entry(c, key + "-" + c.code(), random)).toList();
                transactions.executeWithoutResult(s -> posts.forEach(ledger::post));
                posts.forEach(this::count);
            }
            default -> {
                PostingRequest post = entry(coops.get(random.nextInt(coops.size())), key, random);
                ledger.post(post);
                count(post);
            }
        }
    }

    /** Debits two asset accounts, credits one of three others, the lines in random order. */
    static PostingRequest entry(Cooperative coop, String key, Random random) {
        BigDecimal a = BigDecimal.valueOf(1 + random.nextInt(50_000));
        BigDecimal b = BigDecimal.valueOf(1 + random.nextInt(50_000));
        List<PostingLine> lines = new ArrayList<>(List.of(PostingLine.debit(DEBITS.get(0), a), PostingLine.debit(DEBITS.get(1), b),
                PostingLine.credit(CREDITS.get(random.nextInt(CREDITS.size())), a.add(b))));
        Collections.shuffle(lines, random);
        return new PostingRequest(coop.id(), key, LocalDate.now(coop.zone()), "transfer", "MANUAL", null, lines, "teller");
    }

    private void count(PostingRequest post) {
        for (PostingLine l : post.lines()) {
            BigDecimal signed = l.side() == Side.DEBIT ? l.amount() : l.amount().negate();
            expected.merge(post.cooperativeId() + ":" + l.accountCode(), signed, BigDecimal::add);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
