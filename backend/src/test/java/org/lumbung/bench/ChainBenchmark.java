package org.lumbung.bench;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChainStatus;
import org.lumbung.ledger.ChainVerification;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.testsupport.LedgerFixture;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The chain benchmark (run: {@code ./mvnw -Pbench-chain -pl backend -am verify -DskipTests [-Dentries=100000]}).
 * On one embedded PostgreSQL 17 it posts a cooperative's chain of two-line entries, then measures what
 * the dashboard pays to say whether the chain is broken ({@code ChainVerifier.status}: the recorded full
 * verification plus a walk over the entries since) against a full verification of the whole chain.
 * Results go to bench/results/chain-latest.md.
 */
public final class ChainBenchmark {

    static final int DEFAULT_ENTRIES = 100_000;
    static final int BATCH = 1_000;
    /** Goal: a dashboard load with up to 1,000 entries posted since the last full check. */
    static final double STATUS_GOAL_MS = 100;

    private final LedgerFixture fx;
    private final Cooperative coop;
    private final LocalDate today;
    private int posted;

    private ChainBenchmark(LedgerFixture fx) {
        this.fx = fx;
        this.coop = fx.newCooperative();
        this.today = LocalDate.now(coop.zone());
    }

    public static void main(String[] args) throws IOException {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ENTRIES;
        try (LedgerFixture fx = LedgerFixture.fresh(2)) {
            new ChainBenchmark(fx).run(benchDir, entries);
        }
        System.exit(0);
    }

    private void post(int count) {
        for (int done = 0; done < count; done += BATCH) {
            List<PostingRequest> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < Math.min(BATCH, count - done); i++) {
                posted++;
                BigDecimal amount = BigDecimal.valueOf(1000 + posted % 997);
                batch.add(new PostingRequest(coop.id(), "chain-bench-" + posted, today, "deposit " + posted, "MANUAL", null,
                        List.of(PostingLine.debit("1100", amount), PostingLine.credit("2100", amount)), "bench"));
            }
            fx.ledger.postBatch(batch);
        }
    }

    private static double[] times(int runs, Supplier<?> work) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private void run(Path benchDir, int entries) throws IOException {
        long start = System.nanoTime();
        post(entries);
        double postSeconds = (System.nanoTime() - start) / 1e9;
        double[] full = times(3, () -> fx.verifier.verify(coop.id()));
        ChainVerification v = fx.verifier.verify(coop.id());
        require(v.ok() && v.entriesChecked() == entries, "the chain verifies");
        double[] none = times(21, () -> require(fx.verifier.status(coop.id()).state() == ChainStatus.State.OK, "ok"));
        post(1_000);
        double[] thousand = times(21, () -> require(fx.verifier.status(coop.id()).state() == ChainStatus.State.OK, "ok"));
        post((int) ChainVerifier.MAX_QUICK_ENTRIES - 1_000);
        double[] bound = times(5, () -> require(fx.verifier.status(coop.id()).state() == ChainStatus.State.OK, "ok"));

        boolean pass = median(thousand) < STATUS_GOAL_MS;
        String report = """
                # Chain benchmark

                One cooperative, %,d two-line entries posted in batches of %,d (%.1f s), embedded PostgreSQL 17,
                2 cores shared. Run: `./mvnw -Pbench-chain -pl backend -am verify -DskipTests -Dentries=%d`.

                | what | median | worst |
                |---|---|---|
                | full verification of %,d entries (chain and balances) | %.0f ms (%,.0f entries/s) | %.0f ms |
                | dashboard status, nothing posted since the last full check | %.1f ms | %.1f ms |
                | dashboard status, 1,000 entries posted since | %.1f ms | %.1f ms |
                | dashboard status, %,d entries posted since (the bound) | %.1f ms | %.1f ms |

                Goal: the dashboard says whether the chain is broken in < %.0f ms with up to 1,000 entries posted
                since the last full check (median, warm): **%s**. A full verification on every dashboard load would
                cost the first row.
                """.formatted(entries, BATCH, postSeconds, entries, entries, median(full), entries / (median(full) / 1000),
                full[full.length - 1], median(none), none[none.length - 1], median(thousand), thousand[thousand.length - 1],
                ChainVerifier.MAX_QUICK_ENTRIES, median(bound), bound[bound.length - 1], STATUS_GOAL_MS, pass ? "PASS" : "FALL SHORT");
        System.out.println(report);
        Files.createDirectories(benchDir.resolve("results"));
        Files.writeString(benchDir.resolve("results").resolve("chain-latest.md"), report);
    }

    private static boolean require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark precondition failed: " + what);
        }
        return true;
    }
}
