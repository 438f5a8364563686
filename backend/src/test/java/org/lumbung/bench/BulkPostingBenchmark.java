package org.lumbung.bench;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.BulkJob;
import org.lumbung.ledger.GuardedPosting;
import org.lumbung.ledger.JobProgress;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.platform.db.EmbeddedPostgresServer;
import org.lumbung.testsupport.LargeLedger;
import org.lumbung.testsupport.LedgerFixture;
import org.lumbung.testsupport.TestPostgres;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk posting benchmark (run: {@code ./mvnw -Pbench-bulk -pl backend -am verify -DskipTests}). On one
 * embedded PostgreSQL 17 with fsync and synchronous_commit on, posting as the application's role lumbung_app
 * (row-level security applies), in the same run:
 * <ol>
 *   <li>batched posting: lines per second of 1,000 two-line entries per batch, with one importer pipelined
 *       ({@code postBatches}) and one batch at a time ({@code postBatch}), and with two importers, each for its
 *       own cooperative, one batch at a time;</li>
 *   <li>its floor: the same inserts in the same batch size in plain tables ({@code bench/pgbench-batch-floor.sql})
 *       by pgbench (Debian package postgresql-client), or, without pgbench, the same statement over JDBC, with one
 *       client and with two. Batched posting and its floor take turns in {@value #ROUNDS} rounds of
 *       {@value #SECONDS} s each, so that both see the machine in the same state (a virtual machine's speed
 *       drifts by up to a third within minutes), each measurement on a settled server (see {@link #settle});
 *       each figure is the median of its rounds, each ratio the median of the rounds' ratios;</li>
 *   <li>a job of {@value #JOB_ENTRIES} entries through {@code BulkPosting} while a teller posts single
 *       entries through {@code LedgerService.post}: the teller's latency (p50, p99, max) and the job's lines/s.</li>
 * </ol>
 * Prints PASS / FALL SHORT against each goal and writes bench/results/bulk-latest.md.
 */
public final class BulkPostingBenchmark {

    static final int MEMBER_ACCOUNTS = 1_000;
    static final int BATCH = 1_000;
    static final int JOB_ENTRIES = 100_000;
    static final int ROUNDS = 3;
    static final int SECONDS = 8;
    /**
     * Before the first round's measurement. Three seconds left the first round measuring the JIT at work:
     * timed inside the pipeline, sealing a batch took 10 ms in it and 4 ms in every later round, and
     * checking its entries 6 ms against 4 ms, and in 14 of 16 runs of 4 to 12 rounds it was the slowest round.
     */
    static final int WARMUP_SECONDS = 10;
    static final long TELLER_PAUSE_MS = 5;
    static final double GOAL_TELLER_P99_MS = 250;
    static final double GOAL_BATCHED_LINES = 40_000;

    /** One figure's rounds (lines/s) and, where it has a floor, the floor's rounds of the same turns. */
    record Rounds(List<Double> figure, List<Double> floor) {

        double median() {
            return medianOf(figure);
        }

        double floorMedian() {
            return medianOf(floor);
        }

        /** The median of the rounds' ratios: each ratio compares two measurements taken one after the other. */
        double ratio() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < figure.size(); i++) {
                ratios.add(figure.get(i) / floor.get(i));
            }
            return medianOf(ratios);
        }

        String each() {
            return figure.stream().map(v -> "%,.0f".formatted(v)).reduce((a, b) -> a + " / " + b).orElse("");
        }

        String eachFloor() {
            return floor.stream().map(v -> "%,.0f".formatted(v)).reduce((a, b) -> a + " / " + b).orElse("");
        }

        private static double medianOf(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }
    }

    /**
     * Batched posting and its floor, with one importer and with two, and per round of the one importer the CPU
     * time stolen while each side ran.
     */
    record Batched(Rounds one, Rounds oneAtATime, Rounds two, String floorHow, List<String> oneStolen) {
    }

    record JobRun(double jobLinesPerSecond, double jobSeconds, int tellerPostings, double p50, double p99, double max,
                  double stolenPercent) {
    }

    /** The cooperative whose treasurer the calling thread posts as: the scope row-level security reads. */
    private static final ThreadLocal<String> TREASURER_OF = ThreadLocal.withInitial(() -> "");

    /** The embedded server's generated owner password (it asks every connection for one). */
    private static String ownerPassword;
    /** Its password file, which pgbench reads (libpq's PGPASSFILE). */
    private static Path passwordFile;

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("lumbung-bulk-bench-pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
            String url = server.jdbcUrl("bench");
            ownerPassword = server.passwords().owner();
            passwordFile = data.resolve(org.lumbung.platform.db.DatabasePasswords.FILE_NAME);
            TestPostgres.migrate(url, "postgres", ownerPassword);
            // the owner sets up and verifies; the postings go as the application does, as lumbung_app under
            // row-level security (an owner or superuser would bypass its policies and measure less work)
            try (LedgerFixture owner = LedgerFixture.on(url, "postgres", ownerPassword, 2);
                 LedgerFixture fx = LedgerFixture.scoped(url, "lumbung_app", server.passwords().app(), 6, TREASURER_OF::get)) {
                Cooperative coop = cooperativeWithHistory(owner);
                Cooperative second = cooperativeWithHistory(owner);
                createFloorTables(url);
                String[] floorHow = new String[1];
                Rounds one = new Rounds(new ArrayList<>(), new ArrayList<>());
                Rounds oneAtATime = new Rounds(new ArrayList<>(), one.floor());
                Rounds two = new Rounds(new ArrayList<>(), new ArrayList<>());
                List<String> oneStolen = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    settle(owner);
                    StolenTime figureFrom = StolenTime.now();
                    one.figure().add(batchedPosting(fx, List.of(coop), round, true));
                    double figureStolen = figureFrom.percentSince();
                    settle(owner);
                    StolenTime floorFrom = StolenTime.now();
                    one.floor().add(batchFloor(server.port(), url, benchDir, 1, floorHow));
                    oneStolen.add(StolenTime.shown(figureStolen) + " / " + StolenTime.shown(floorFrom.percentSince()));
                    settle(owner);
                    oneAtATime.figure().add(batchedPosting(fx, List.of(coop), round, false));
                    settle(owner);
                    two.figure().add(batchedPosting(fx, List.of(coop, second), round, false));
                    settle(owner);
                    two.floor().add(batchFloor(server.port(), url, benchDir, 2, floorHow));
                }
                settle(owner);
                JobRun job = jobWithTeller(fx, coop);
                boolean chainOk = owner.verifier.verify(coop.id()).ok() && owner.verifier.verify(second.id()).ok();
                report(benchDir, new Batched(one, oneAtATime, two, floorHow[0], oneStolen), job, chainOk);
            }
        } finally {
            try (var walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Lets the server finish what the last measurement left it, before the next one starts: the vacuum and
     * analysis autovacuum would otherwise run in the middle of the next measurement (on 2 cores it takes the
     * core the other side needs: after a floor run it vacuums the floor's tables while the ledger is being
     * measured, and the other way round), and the checkpoint that the last one's WAL has made due. Each side
     * still pays for its own autovacuum and checkpoints while it runs.
     */
    private static void settle(LedgerFixture owner) {
        long start = System.nanoTime();
        owner.dsl.execute("vacuum (analyze)");
        owner.dsl.execute("checkpoint");
        System.out.printf("settled (vacuum, analyze, checkpoint) in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * Member i's voluntary savings (index i - 1): a sub-account under control account 2100, as deposits and
     * interest post. Written out once: an importer has its members' account numbers at hand, and the
     * formatting of two thousand strings a batch cost this benchmark's importer (on the cores the ledger
     * is measured on) about a tenth of the time the ledger takes to post the batch.
     */
    private static final String[] MEMBER_ACCOUNT = java.util.stream.IntStream.rangeClosed(1, MEMBER_ACCOUNTS)
            .mapToObj("2100.%06d"::formatted).toArray(String[]::new);

    private static PostingRequest deposit(Cooperative coop, String key, LocalDate today) {
        BigDecimal amount = BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(1, 1_000_000), 2);
        String member = MEMBER_ACCOUNT[ThreadLocalRandom.current().nextInt(MEMBER_ACCOUNTS)];
        return new PostingRequest(coop.id(), key, today, "deposit", "BENCH", null,
                List.of(PostingLine.debit("1100", amount), PostingLine.credit(member, amount)), "bench");
    }

    private static List<PostingRequest> batch(Cooperative coop, String prefix, int n) {
        LocalDate today = LocalDate.now(coop.zone());
        List<PostingRequest> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(deposit(coop, prefix + '-' + zeroPadded(i), today));
        }
        return batch;
    }

    /** Six digits, so that a job's keys sort in the order of its entries. */
    private static String zeroPadded(int i) {
        String digits = Integer.toString(i);
        return "000000".substring(Math.min(6, digits.length())) + digits;
    }

    /** A cooperative of {@value #MEMBER_ACCOUNTS} members with ten thousand entries of history, then ANALYZE, as autovacuum does. */
    private static Cooperative cooperativeWithHistory(LedgerFixture fx) {
        Cooperative coop = fx.newCooperative();
        LargeLedger.members(fx.dsl, coop.id(), MEMBER_ACCOUNTS);
        for (int b = 0; b < 10; b++) {
            fx.ledger.postBatch(batch(coop, "history-" + b, BATCH));
        }
        fx.dsl.execute("analyze");
        return coop;
    }

    /**
     * Lines per second of batched posting, one importer per cooperative, all at once: one cooperative's
     * batches follow each other (its chain and head lock).
     * <ul>
     *   <li>One batch at a time ({@code postBatch}), one importer: lines per second of the time spent inside
     *       postBatch (building the requests is the caller's work), as this benchmark always measured it.
     *       Several importers: the lines of the batches that began and ended within the measured seconds, per
     *       second of wall-clock time (every importer's request building counts against them).</li>
     *   <li>Pipelined ({@code postBatches}, one importer): the importer hands the ledger a source of batches,
     *       built as the ledger asks for them; the lines of the batches whose outcome came within the measured
     *       seconds, per second of wall-clock time (building the requests counts against it too).</li>
     * </ul>
     */
    private static double batchedPosting(LedgerFixture fx, List<Cooperative> cooperatives, int round, boolean pipelined) {
        // the first round warms the JIT and the caches up; later rounds only let the importers get going
        long measureFrom = System.nanoTime() + (round == 0 ? WARMUP_SECONDS : 1) * 1_000_000_000L;
        long end = measureFrom + SECONDS * 1_000_000_000L;
        List<CompletableFuture<long[]>> importers = cooperatives.stream().map(coop -> CompletableFuture.supplyAsync(() -> {
            TREASURER_OF.set(Long.toString(coop.id()));
            String prefix = "batch-%d-%d-%b".formatted(round, cooperatives.size(), pipelined);
            return pipelined ? pipelinedImport(fx, coop, prefix, measureFrom, end) : batchAtATime(fx, coop, prefix, measureFrom, end);
        }, runnable -> new Thread(runnable).start())).toList();
        List<long[]> runs = importers.stream().map(CompletableFuture::join).toList();
        double perSecond = runs.size() == 1 ? runs.get(0)[0] / (runs.get(0)[1] / 1e9)
                : runs.stream().mapToLong(r -> r[2]).sum() / (double) SECONDS;
        System.out.printf("batched posting, %d importer(s)%s: %.0f lines/s (%,d entries per batch)%n", cooperatives.size(),
                pipelined ? ", pipelined" : "", perSecond, BATCH);
        return perSecond;
    }

    /** One batch at a time: lines and nanoseconds inside postBatch, and lines of the batches within the measured seconds. */
    private static long[] batchAtATime(LedgerFixture fx, Cooperative coop, String prefix, long measureFrom, long end) {
        long inside = 0;
        long linesInside = 0;
        long linesWithin = 0;
        for (int b = 0; System.nanoTime() < end; b++) {
            List<PostingRequest> requests = batch(coop, prefix + "-" + b, BATCH);
            long start = System.nanoTime();
            fx.ledger.postBatch(requests);
            long done = System.nanoTime();
            if (start > measureFrom) {
                inside += done - start;
                linesInside += 2L * BATCH;
                linesWithin += done <= end ? 2L * BATCH : 0;
            }
        }
        return new long[]{linesInside, inside, linesWithin};
    }

    /** A source of batches until the measured seconds end: the lines booked within them, over their wall-clock time. */
    private static long[] pipelinedImport(LedgerFixture fx, Cooperative coop, String prefix, long measureFrom, long end) {
        long[] linesWithin = {0};
        Iterator<List<PostingRequest>> source = new Iterator<>() {
            int b;

            @Override
            public boolean hasNext() {
                return System.nanoTime() < end;
            }

            @Override
            public List<PostingRequest> next() {
                return batch(coop, prefix + "-" + b++, BATCH);
            }
        };
        fx.ledger.postBatches(coop.id(), source, outcome -> {
            if (!outcome.booked()) {
                throw new IllegalStateException("a batch was refused", outcome.refusal());
            }
            long now = System.nanoTime();
            linesWithin[0] += now > measureFrom && now <= end ? 2L * BATCH : 0;
        });
        return new long[]{linesWithin[0], SECONDS * 1_000_000_000L, linesWithin[0]};
    }

    private static void createFloorTables(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ownerPassword); Statement s = c.createStatement()) {
            s.execute("""
                    create table bulk_floor_entry (id bigint generated always as identity primary key, cooperative_id bigint not null,
                      sequence bigint not null, idempotency_key varchar(100) not null, request_hash char(64) not null,
                      booking_date date not null, value_date date not null, description varchar(500) not null,
                      source_type varchar(32) not null, created_by varchar(64) not null, created_at timestamptz not null,
                      line_count smallint not null, prev_hash char(64) not null, hash char(64) not null,
                      unique (cooperative_id, sequence), unique (cooperative_id, idempotency_key));
                    create sequence bulk_floor_seq;
                    create table bulk_floor_line (id bigint generated always as identity primary key,
                      entry_id bigint not null references bulk_floor_entry, line_no smallint not null, account_id bigint not null,
                      side char(1) not null, amount numeric(24,4) not null, currency char(3) not null, value_date date not null,
                      unique (entry_id, line_no));
                    create index on bulk_floor_line (account_id, value_date, entry_id, line_no);
                    create table bulk_floor_balance (account_id bigint primary key, debit_total numeric(24,4) not null default 0,
                      credit_total numeric(24,4) not null default 0);
                    insert into bulk_floor_balance (account_id) select generate_series(1, 2002);
                    analyze;
                    """);
        }
    }

    /**
     * Lines per second of the floor script with {@code clients} clients at once, each its own cooperative and
     * accounts (pgbench's client_id): pgbench if installed, else the same statement over JDBC.
     */
    private static double batchFloor(int port, String url, Path benchDir, int clients, String[] how) throws Exception {
        Path script = benchDir.resolve("pgbench-batch-floor.sql");
        String pgbench = System.getenv().getOrDefault("PGBENCH", "pgbench");
        String what = "floor, %d client(s)".formatted(clients);
        try {
            ProcessBuilder pb = new ProcessBuilder(pgbench, "-n", "-c", Integer.toString(clients), "-j", Integer.toString(clients),
                    "-T", Integer.toString(SECONDS), "-f", script.toString(), "-h", "localhost", "-p", Integer.toString(port),
                    "-U", "postgres", "bench")
                    .redirectErrorStream(true);
            pb.environment().put("PGPASSFILE", passwordFile.toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("pgbench gave no tps:\n" + output);
            }
            how[0] = "pgbench";
            return report(what + " (pgbench)", Double.parseDouble(m.group(1)) * 2 * BATCH);
        } catch (IOException noPgbench) {
            how[0] = "JDBC (pgbench not installed)";
            String statement = Files.readString(script);
            List<CompletableFuture<Double>> runs = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                String own = statement.replace(":client_id", Integer.toString(client));
                runs.add(CompletableFuture.supplyAsync(() -> jdbcFloor(url, own), runnable -> new Thread(runnable).start()));
            }
            return report(what + " (JDBC, no pgbench)", runs.stream().mapToDouble(CompletableFuture::join).sum());
        }
    }

    private static double jdbcFloor(String url, String script) {
        String statement = script.lines().filter(l -> !l.startsWith("--") && !l.equals("BEGIN;") && !l.equals("END;"))
                .reduce("", (a, b) -> a + "\n" + b);
        try (Connection c = DriverManager.getConnection(url, "postgres", ownerPassword); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long end = System.nanoTime() + SECONDS * 1_000_000_000L;
            long start = System.nanoTime();
            long batches = 0;
            while (System.nanoTime() < end) {
                s.execute(statement);
                c.commit();
                batches++;
            }
            return batches * 2.0 * BATCH / ((System.nanoTime() - start) / 1e9);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the floor statement failed", e);
        }
    }

    private static double report(String what, double linesPerSecond) {
        System.out.printf("%s: %.0f lines/s (%,d entries per transaction)%n", what, linesPerSecond, BATCH);
        return linesPerSecond;
    }

    /** A job of {@value #JOB_ENTRIES} entries through the bulk path while a teller posts one entry at a time. */
    private static JobRun jobWithTeller(LedgerFixture fx, Cooperative coop) throws Exception {
        List<GuardedPosting> entries = batch(coop, "job", JOB_ENTRIES).stream().map(GuardedPosting::of).toList();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        LocalDate today = LocalDate.now(coop.zone());
        TREASURER_OF.set(Long.toString(coop.id()));
        CompletableFuture<Void> teller = CompletableFuture.runAsync(() -> {
            TREASURER_OF.set(Long.toString(coop.id()));
            for (int i = 0; running.get(); i++) {
                long start = System.nanoTime();
                fx.ledger.post(deposit(coop, "teller-" + i, today));
                latencies.add((System.nanoTime() - start) / 1e6);
                sleep(TELLER_PAUSE_MS);
            }
        });
        StolenTime stolenFrom = StolenTime.now();
        long start = System.nanoTime();
        JobProgress done = fx.bulk.run(new BulkJob(coop.id(), "bench-night-close", "CLOSE_OF_BUSINESS", BulkJob.Mode.ALL_OR_NOTHING,
                BulkJob.DEFAULT_CHUNK), job -> entries);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        teller.join();
        double stolen = stolenFrom.percentSince();
        if (done.posted() != JOB_ENTRIES) {
            throw new IllegalStateException("the job booked " + done.posted() + " of " + JOB_ENTRIES);
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        JobRun run = new JobRun(2.0 * JOB_ENTRIES / seconds, seconds, sorted.size(), percentile(sorted, 50),
                percentile(sorted, 99), sorted.get(sorted.size() - 1), stolen);
        System.out.printf("job: %,d entries in %.1f s = %.0f lines/s; teller: %d postings, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                JOB_ENTRIES, seconds, run.jobLinesPerSecond(), run.tellerPostings(), run.p50(), run.p99(), run.max());
        return run;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String verdict(boolean met) {
        return met ? "PASS" : "FALL SHORT";
    }

    private static void report(Path benchDir, Batched batched, JobRun job, boolean chainOk)
            throws IOException {
        String text = """
                # Bulk posting benchmark

                Run: %s · %d cores · embedded PostgreSQL 17 with fsync and synchronous_commit on · batched posting and
                its floor take turns in %d rounds of %d s (%d s warm-up before the first) · 10,000 entries of history per
                cooperative, analysed · two-line entries: cash (1100) to the savings sub-account (2100.NNNNNN) of one of
                %,d members, as a deposit or interest run posts · posted as the application posts: as its role
                lumbung_app, each importer with its treasurer's scope, so row-level security checks every row written.
                Command: `./mvnw -Pbench-bulk -pl backend -am verify -DskipTests`.

                Each batched figure is the median of its rounds, each ratio the median of the rounds' ratios to the floor
                measured right after it: this machine's speed drifts by up to a third within minutes, and a floor run a
                minute apart from the figure it is compared with said more about the machine than about the ledger.
                Each measurement starts on a settled server (VACUUM ANALYZE, CHECKPOINT): otherwise autovacuum ran
                on the tables the previous measurement had filled (the floor's, or the ledger's) during the next one,
                on the core the other side needs. Each side still pays for its own autovacuum and checkpoints.

                The goal, ≥ %,.0f lines/s on 2 cores, is judged both ways the cores can be used. One importer posts for
                one cooperative, whose batches follow each other in its hash chain: posted one at a time (`postBatch`),
                the importer's Java side and its database session take turns and one core stays mostly idle. Handed a
                source of batches (`postBatches`), the ledger keeps %d in flight, each its own transaction: while one
                waits for the head, runs the posting trigger and commits, the next ones are sealed onto it in memory and
                write their entries (wall clock, building the requests included). Two importers, each posting for its
                own cooperative as a district server's nightly jobs do, keep both cores busy one batch at a time; their
                floor is run with two clients the same way.

                | figure | result (median) | rounds | goal | verdict |
                |---|---|---|---|---|
                | batched posting, 1 importer, pipelined (`postBatches`, %,d entries per batch, wall clock) | %,.0f lines/s | %s | ≥ %,.0f lines/s | %s |
                | floor: the same inserts, same batch size, plain tables (`bench/pgbench-batch-floor.sql`, by %s), 1 client | %,.0f lines/s | %s | | |
                | batched / floor, 1 importer, pipelined | %.0f %% | | | |
                | 1 importer, one batch at a time (`postBatch`), for comparison | %,.0f lines/s | %s | | |
                | one batch at a time / floor | %.0f %% | | | |
                | batched posting, 2 importers at once (`postBatch`), each for its own cooperative (wall clock) | %,.0f lines/s | %s | ≥ %,.0f lines/s | %s |
                | floor, 2 clients, each its own cooperative and accounts | %,.0f lines/s | %s | | |
                | batched / floor, 2 at once | %.0f %% | | | |
                | job through `BulkPosting`: %,d entries, %,d per chunk | %,.0f lines/s (%.1f s) | | | |
                | teller's single posting while the job runs: p50 / p99 / max (%d postings, %d ms apart) | %.1f / %.1f / %.1f ms | | p99 < %.0f ms | %s |
                | chain verifies after the run | %s | | yes | %s |
                | CPU time stolen by the hypervisor (/proc/stat), 1 importer pipelined / its floor, per round | | %s | | |
                | CPU time stolen during the job and the teller's postings | %s | | | |
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(), ROUNDS, SECONDS, WARMUP_SECONDS,
                MEMBER_ACCOUNTS, GOAL_BATCHED_LINES, LedgerLimits.PIPELINED_BATCHES,
                BATCH, batched.one().median(), batched.one().each(), GOAL_BATCHED_LINES,
                verdict(batched.one().median() >= GOAL_BATCHED_LINES),
                batched.floorHow(), batched.one().floorMedian(), batched.one().eachFloor(), 100 * batched.one().ratio(),
                batched.oneAtATime().median(), batched.oneAtATime().each(), 100 * batched.oneAtATime().ratio(),
                batched.two().median(), batched.two().each(), GOAL_BATCHED_LINES, verdict(batched.two().median() >= GOAL_BATCHED_LINES),
                batched.two().floorMedian(), batched.two().eachFloor(), 100 * batched.two().ratio(),
                JOB_ENTRIES, BulkJob.DEFAULT_CHUNK, job.jobLinesPerSecond(), job.jobSeconds(), job.tellerPostings(), TELLER_PAUSE_MS,
                job.p50(), job.p99(), job.max(), GOAL_TELLER_P99_MS, verdict(job.p99() < GOAL_TELLER_P99_MS),
                chainOk ? "yes" : "NO", verdict(chainOk), String.join(" · ", batched.oneStolen()),
                StolenTime.shown(job.stolenPercent()));
        Path results = benchDir.resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("bulk-latest.md"), text);
        System.out.println(text);
    }
}
