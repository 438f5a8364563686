package org.lumbung.bench;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.db.EmbeddedPostgresServer;
import org.lumbung.reports.HledgerExport;
import org.lumbung.testsupport.LargeLedger;
import org.lumbung.testsupport.LedgerFixture;
import org.lumbung.testsupport.TestPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * Lumbung's trial balance against {@code hledger balance} on the same journal (run:
 * {@code ./mvnw -Pbench-hledger -pl backend -am verify -DskipTests}; needs Debian's hledger): a cooperative of
 * {@value #MEMBERS} members with {@value #ENTRIES} two-line deposits — 1,000,000 journal lines — exported with
 * {@link HledgerExport}; Lumbung's figure is the median of warm trial balances as of today read as the application's
 * role, hledger's the median of {@value #HLEDGER_RUNS} runs of {@code hledger -f export.journal balance} (each reads
 * and parses the file: that is what hledger does for every report). Goal: Lumbung at least {@value #GOAL}× faster.
 * Writes bench/results/hledger-latest.md.
 */
public final class HledgerBenchmark {

    static final int MEMBERS = 100_000;
    static final int ENTRIES = 500_000;
    static final int DAYS = 730;
    static final int HLEDGER_RUNS = 3;
    static final int HLEDGER_LIMIT_MINUTES = 5;
    static final double GOAL = 50;

    private HledgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("lumbung-bench-hledger");
        Path journal = Files.createTempFile("lumbung-bench", ".journal");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
            String url = server.jdbcUrl("bench");
            TestPostgres.migrate(url, "postgres", server.passwords().owner());
            try (LedgerFixture owner = LedgerFixture.on(url, "postgres", server.passwords().owner(), 2)) {
                Cooperative coop = owner.newCooperative();
                LocalDate today = LocalDate.now(coop.zone());
                LargeLedger.members(owner.dsl, coop.id(), MEMBERS);
                LargeLedger.deposits(owner.dsl, coop.id(), MEMBERS, ENTRIES, today, DAYS);
                long t = System.nanoTime();
                try (var out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8)) {
                    new HledgerExport(owner.dsl).write(coop.id(), out);
                }
                double exportS = (System.nanoTime() - t) / 1e9;
                owner.dsl.execute("alter role lumbung_app password 'bench'");
                try (LedgerFixture app = LedgerFixture.on(url, "lumbung_app", "bench", 1)) {
                    app.dsl.execute("select set_config('lumbung.cooperative_ids', ?, false)", Long.toString(coop.id()));
                    double lumbungMs = TrialBalanceBenchmark.median(() -> app.queries.trialBalance(coop.id(), today));
                    report(benchDir, lumbungMs, hledgerBalance(journal), exportS, Files.size(journal));
                }
            }
        } finally {
            Files.deleteIfExists(journal);
            try (var walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** hledger's time in milliseconds; {@code stopped}: a run hit the limit, so the time is a lower bound. */
    record HledgerTime(double ms, boolean stopped) {
    }

    /**
     * The median of the runs of {@code hledger balance} on the exported journal. A run that takes longer than
     * {@value #HLEDGER_LIMIT_MINUTES} minutes is stopped (its process killed, not left behind) and counts as the limit,
     * a lower bound; no further run is made then.
     */
    private static HledgerTime hledgerBalance(Path journal) throws IOException, InterruptedException {
        double[] ms = new double[HLEDGER_RUNS];
        for (int i = 0; i < HLEDGER_RUNS; i++) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder("hledger", "-f", journal.toString(), "balance")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(HLEDGER_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor();
                return new HledgerTime(TimeUnit.MINUTES.toMillis(HLEDGER_LIMIT_MINUTES), true);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("hledger balance failed on the exported journal");
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new HledgerTime(ms[HLEDGER_RUNS / 2], false);
    }

    private static void report(Path benchDir, double lumbungMs, HledgerTime hledger, double exportS, long bytes) throws IOException {
        double factor = hledger.ms() / lumbungMs;
        String bound = hledger.stopped() ? "at least " : "";
        String text = """
                # hledger benchmark

                Run: %s · %d cores · embedded PostgreSQL 17 · %,d members, %,d two-line deposits (%,d journal lines) over %d days.

                | figure | result | goal |
                |---|---|---|
                | export to hledger format (`HledgerExport`, streamed) | %.1f s, %,d bytes | |
                | Lumbung: trial balance as of today (median of warm runs, as lumbung_app) | %.2f ms | |
                | `hledger -f export.journal balance` (median of %d runs; a run over %d min is stopped) | %s%.0f ms | |
                | Lumbung faster by | %s%.0f× | ≥ %.0f× %s |

                Command: `./mvnw -Pbench-hledger -pl backend -am verify -DskipTests`
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(), MEMBERS, ENTRIES, 2 * ENTRIES, DAYS,
                exportS, bytes, lumbungMs, HLEDGER_RUNS, HLEDGER_LIMIT_MINUTES, bound, hledger.ms(), bound, factor, GOAL,
                factor >= GOAL ? "PASS" : "FALL SHORT");
        Path results = benchDir.resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("hledger-latest.md"), text);
        System.out.println(text);
    }
}
