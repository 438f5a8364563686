package org.lumbung.bench;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.NewAccount;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.platform.db.EmbeddedPostgresServer;
import org.lumbung.testsupport.LedgerFixture;
import org.lumbung.testsupport.TestPostgres;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger benchmark (run: {@code ./mvnw -Pbench -pl backend -am verify -DskipTests}; needs pgbench,
 * Debian package postgresql-client). On one embedded PostgreSQL 17 with the application's durability
 * (fsync and synchronous_commit on) it measures, in the same run:
 * <ol>
 *   <li>single posting: two-line entries per second through {@code LedgerService.post} with one and
 *       with {@value #CONCURRENCY} concurrent clients;</li>
 *   <li>batched posting: lines per second through {@code postBatch} with 1,000 entries per batch;</li>
 *   <li>the floor: the same SQL work (insert entry, two lines, two balance updates) in plain tables
 *       without triggers or hashing, driven by pgbench with a custom script at the same concurrencies;</li>
 *   <li>reading: the trial balance as of today and as of past dates over 1,000,000 lines and 300,000
 *       members' sub-accounts ({@link TrialBalanceBenchmark}).</li>
 * </ol>
 * Writes the figures to bench/results/ledger-latest.md.
 */
public final class LedgerBenchmark {

    static final int CONCURRENCY = 4;
    static final int MEMBER_ACCOUNTS = 200;
    static final int SECONDS = 15;
    static final int WARMUP_SECONDS = 3;

    /** The embedded server's password file, which pgbench reads (libpq's PGPASSFILE). */
    private static Path passwordFile;

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("lumbung-bench-pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
            passwordFile = data.resolve(org.lumbung.platform.db.DatabasePasswords.FILE_NAME);
            String url = server.jdbcUrl("bench");
            TestPostgres.migrate(url, "postgres", server.passwords().owner());
            try (LedgerFixture fx = LedgerFixture.on(url, "postgres", server.passwords().owner(), CONCURRENCY + 1)) {
                Cooperative coop = fx.newCooperative();
                for (int i = 1; i <= MEMBER_ACCOUNTS; i++) {
                    fx.chart.open(coop.id(), new NewAccount(memberAccount(i), "Savings " + i, "Simpanan " + i,
                            AccountType.LIABILITY, "2100", "IDR", false, null, true, false));
                }
                loadHistory(fx, coop);
                double single1 = singlePosting(fx, coop, 1);
                double single = singlePosting(fx, coop, CONCURRENCY);
                double batchedLines = batchedPosting(fx, coop, 1);
                double batchedLines2 = batchedPosting(fx, coop, 2);
                createFloorTables(fx);
                double floor1 = pgbenchFloor(server.port(), benchDir, 1);
                double floor = pgbenchFloor(server.port(), benchDir, CONCURRENCY);
                boolean chainOk = fx.verifier.verify(coop.id()).ok();
                String readRows = trialBalances(fx, url);
                report(benchDir, single1, floor1, single, floor, batchedLines, batchedLines2, chainOk, readRows);
            }
        } finally {
            deleteTree(data);
        }
    }

    /** The read side ({@link TrialBalanceBenchmark}), measured as the application's own role. */
    private static String trialBalances(LedgerFixture fx, String url) {
        fx.dsl.execute("alter role lumbung_app password 'bench'");
        try (LedgerFixture app = LedgerFixture.on(url, "lumbung_app", "bench", 1)) {
            return TrialBalanceBenchmark.run(fx, app);
        }
    }

    private static String memberAccount(int i) {
        return "2100.B" + (100_000 + i);
    }

    private static PostingRequest deposit(Cooperative coop, String key, LocalDate today) {
        BigDecimal amount = BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(1, 1_000_000), 2);
        String member = memberAccount(ThreadLocalRandom.current().nextInt(1, MEMBER_ACCOUNTS + 1));
        return new PostingRequest(coop.id(), key, today, "deposit", "BENCH", null,
                List.of(PostingLine.debit("1100", amount), PostingLine.credit(member, amount)), "bench");
    }

    /**
     * Ten thousand entries of history, then ANALYZE, as autovacuum does on a ledger in use: measuring
     * an empty, never-analysed ledger would measure the planner's first guesses instead.
     */
    private static void loadHistory(LedgerFixture fx, Cooperative coop) {
        LocalDate today = LocalDate.now(coop.zone());
        for (int b = 0; b < 10; b++) {
            List<PostingRequest> batch = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                batch.add(deposit(coop, "history-" + b + "-" + i, today));
            }
            fx.ledger.postBatch(batch);
        }
        fx.dsl.execute("analyze");
    }

    private static double singlePosting(LedgerFixture fx, Cooperative coop, int clients) throws Exception {
        LocalDate today = LocalDate.now(coop.zone());
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong posted = new AtomicLong();
        AtomicLong keys = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Object>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    fx.ledger.post(deposit(coop, "single-" + clients + "-" + keys.incrementAndGet(), today));
                    if (measuring.get()) {
                        posted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(WARMUP_SECONDS * 1000L);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        long count = posted.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        for (Future<Object> f : futures) {
            f.get(); // a failed client fails the benchmark instead of silently measuring less
        }
        double perSecond = count / elapsed;
        System.out.printf("single posting: %d entries in %.1f s = %.0f entries/s (%d clients)%n", count, elapsed, perSecond, clients);
        return perSecond;
    }

    /**
     * Lines per second through postBatch, 1,000 two-line entries per batch, with one or more importers.
     * Only the time inside postBatch counts: building the requests is the caller's work.
     */
    private static double batchedPosting(LedgerFixture fx, Cooperative coop, int clients) throws Exception {
        LocalDate today = LocalDate.now(coop.zone());
        AtomicLong lines = new AtomicLong();
        long end = System.nanoTime() + (WARMUP_SECONDS + SECONDS) * 1_000_000_000L;
        long measureFrom = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Object>> futures = new ArrayList<>();
        AtomicLong batches = new AtomicLong();
        for (int t = 0; t < clients; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long batchNo = batches.incrementAndGet();
                    List<PostingRequest> batch = new ArrayList<>(1000);
                    for (int i = 0; i < 1000; i++) {
                        batch.add(deposit(coop, "batch-" + clients + "-" + batchNo + "-" + i, today));
                    }
                    fx.ledger.postBatch(batch);
                    if (System.nanoTime() > measureFrom) {
                        lines.addAndGet(2000);
                    }
                }
                return null;
            }));
        }
        for (Future<Object> f : futures) {
            f.get();
        }
        pool.shutdown();
        double perSecond = lines.get() / (double) SECONDS;
        System.out.printf("batched posting: %.0f lines/s (1,000 two-line entries per batch, %d importers)%n", perSecond, clients);
        return perSecond;
    }

    private static void createFloorTables(LedgerFixture fx) {
        fx.dsl.execute("""
                create table bench_entry (id bigint generated always as identity primary key, cooperative_id bigint not null,
                  sequence bigint not null, idempotency_key varchar(100) not null, request_hash char(64) not null,
                  booking_date date not null, value_date date not null, description varchar(500) not null,
                  source_type varchar(32) not null, created_by varchar(64) not null, created_at timestamptz not null,
                  line_count smallint not null, prev_hash char(64) not null, hash char(64) not null,
                  unique (cooperative_id, sequence), unique (cooperative_id, idempotency_key));
                create sequence bench_seq;
                create table bench_line (id bigint generated always as identity primary key, entry_id bigint not null references bench_entry,
                  line_no smallint not null, account_id bigint not null, side char(1) not null, amount numeric(24,4) not null,
                  currency char(3) not null, value_date date not null, unique (entry_id, line_no));
                create index on bench_line (account_id, value_date, entry_id, line_no);
                create table bench_balance (account_id bigint primary key, debit_total numeric(24,4) not null default 0,
                  credit_total numeric(24,4) not null default 0);
                insert into bench_balance (account_id) select generate_series(1, 201);
                analyze;
                """);
    }

    private static double pgbenchFloor(int port, Path benchDir, int clients) throws Exception {
        Path script = benchDir.resolve("pgbench-floor.sql");
        String pgbench = System.getenv().getOrDefault("PGBENCH", "pgbench");
        List<String> command = List.of(pgbench, "-n", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(2, clients)),
                "-T", Integer.toString(SECONDS), "-f", script.toString(), "-h", "localhost", "-p", Integer.toString(port),
                "-U", "postgres", "bench");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSFILE", passwordFile.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + output);
        }
        double tps = Double.parseDouble(m.group(1));
        System.out.printf("floor (pgbench, same SQL work, %d clients): %.0f transactions/s%n", clients, tps);
        return tps;
    }

    private static void report(Path benchDir, double single1, double floor1, double single, double floor,
                               double batchedLines, double batchedLines2, boolean chainOk, String readRows) throws IOException {
        String text = """
                # Ledger benchmark

                Run: %s · %d cores · embedded PostgreSQL 17 with fsync and synchronous_commit on · %d s per figure after %d s warm-up
                · 10,000 entries of history, analysed · two-line entries (cash to one of %d member savings accounts).

                | figure | result | goal |
                |---|---|---|
                | single posting through `LedgerService.post`, 1 client | %.0f entries/s | |
                | floor: same SQL work by pgbench (`bench/pgbench-floor.sql`), 1 client | %.0f transactions/s | |
                | single / floor, 1 client | %.0f %% | ≥ 50 %% |
                | single posting through `LedgerService.post`, %d clients | %.0f entries/s | |
                | floor by pgbench, %d clients | %.0f transactions/s | |
                | single / floor, %d clients | %.0f %% | ≥ 50 %% |
                | batched posting through `postBatch` (1,000 entries per batch), 1 importer | %.0f lines/s | ≥ 20,000 lines/s |
                | batched posting through `postBatch`, 2 importers | %.0f lines/s | ≥ 20,000 lines/s |
                %s| chain verifies after the run | %s | yes |

                Command: `./mvnw -Pbench -pl backend -am verify -DskipTests`
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(), SECONDS, WARMUP_SECONDS,
                MEMBER_ACCOUNTS, single1, floor1, 100 * single1 / floor1, CONCURRENCY, single, CONCURRENCY, floor,
                CONCURRENCY, 100 * single / floor, batchedLines, batchedLines2, readRows, chainOk ? "yes" : "NO");
        Path results = benchDir.resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("ledger-latest.md"), text);
        System.out.println(text);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
