package org.lumbung.bench;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.district.DistrictConsole;
import org.lumbung.district.DistrictRow;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MigrationSector;
import org.lumbung.members.NewMember;
import org.lumbung.members.NewMigration;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.Movement;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.jooq.DSLContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The district console benchmark (run: {@code ./mvnw -Pbench-district -pl backend -am verify -DskipTests
 * [-Dcooperatives=50]}): one embedded PostgreSQL 17 with 50 cooperatives of one district, each with members (women,
 * returned migrants), savings accounts and deposits, postings, a verified chain and a year of daily portfolio
 * snapshots; then the console's rows read 20 times after 5 to warm up. Goal: under 2 s. Results go to
 * bench/results/district-latest.md.
 */
public final class DistrictBenchmark {

    static final int DEFAULT_COOPERATIVES = 50;
    static final int MEMBERS = 40;
    static final int DEPOSITS = 10;
    static final int POSTINGS = 20;
    static final int SNAPSHOT_DAYS = 365;
    static final int WARM_UP = 5;
    static final int RUNS = 20;
    static final double GOAL_MS = 2000;

    private DistrictBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
        int cooperatives = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_COOPERATIVES;
        BenchBackend.run("district", spring -> run(spring, benchDir, cooperatives));
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext spring, Path benchDir, int cooperatives) {
        long setup = System.nanoTime();
        for (int i = 1; i <= cooperatives; i++) {
            cooperative(spring, i);
        }
        double setupSeconds = (System.nanoTime() - setup) / 1e9;
        DistrictConsole console = spring.getBean(DistrictConsole.class);
        double[] ms = new double[RUNS];
        List<DistrictRow> rows = List.of();
        for (int i = -WARM_UP; i < RUNS; i++) {
            long start = System.nanoTime();
            rows = console.rows();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        if (rows.size() != cooperatives || rows.stream().anyMatch(r -> r.members() != MEMBERS || r.par30Percent() == null)) {
            throw new IllegalStateException("the console does not show what was set up: " + rows.size() + " rows");
        }
        try {
            write(benchDir, cooperatives, setupSeconds, ms);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void cooperative(ConfigurableApplicationContext spring, int n) {
        Cooperative c = spring.getBean(CooperativeService.class).create(new NewCooperative("ksp" + n, "KSP Desa " + n, "Desa " + n,
                "Ponorogo", "Jawa Timur", "ID", "IDR", "id", "Asia/Jakarta"));
        LocalDate today = LocalDate.now(c.zone());
        spring.getBean(SavingsProducts.class).create(c.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings",
                "Simpanan Sukarela", SavingsKind.VOLUNTARY, "IDR", "2100", null, null, BigDecimal.ZERO, BigDecimal.ZERO,
                InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
        MemberService members = spring.getBean(MemberService.class);
        SavingsService savings = spring.getBean(SavingsService.class);
        for (int m = 1; m <= MEMBERS; m++) {
            Member member = members.register(c.id(), NewMember.basic("Anggota " + m, m % 3 == 0 ? "M" : "F", "Desa " + n, null,
                    today.minusYears(2)));
            if (m % 4 == 0) {
                members.addMigration(c.id(), member.id(), new NewMigration("HK", MigrationSector.CARE, today.minusYears(6),
                        m % 8 == 0 ? null : today.minusYears(3)));
            }
            if (m <= DEPOSITS) {
                long account = savings.accounts(c.id(), member.id()).get(0).id();
                savings.deposit(c.id(), new Movement(account, new BigDecimal("250000"), today, null, "bench-" + n + "-" + m));
            }
        }
        LedgerService ledger = spring.getBean(LedgerService.class);
        for (int p = 1; p <= POSTINGS; p++) {
            ledger.post(new PostingRequest(c.id(), "bench-entry-" + n + "-" + p, today, "bench", "MANUAL", null,
                    List.of(PostingLine.debit("1100", new BigDecimal("1000")), PostingLine.credit("4100", new BigDecimal("1000"))),
                    "system"));
        }
        spring.getBean(ChainVerifier.class).verify(c.id());
        spring.getBean(DSLContext.class).execute("""
                insert into loan_portfolio_snapshot (cooperative_id, business_date, collectibility, loans, outstanding, par1_amount,
                       par1_loans, par30_amount, par30_loans, par90_amount, par90_loans, provision)
                select ?, d::date, 'ALL', 100, 500000000, 30000000, 6, 20000000 + ? * 100000, 4, 5000000, 1, 8000000
                  from generate_series(?::date - ?, ?::date, interval '1 day') d""", c.id(), n, today, SNAPSHOT_DAYS, today);
    }

    private static void write(Path benchDir, int cooperatives, double setupSeconds, double[] ms) throws IOException {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[RUNS / 2];
        double slowest = sorted[RUNS - 1];
        String verdict = slowest < GOAL_MS ? "PASS" : "FALL SHORT";
        String md = """
                # District console benchmark

                `./mvnw -Pbench-district -pl backend -am verify -DskipTests` — one embedded PostgreSQL 17, %d cooperatives
                of one district (set up in %.0f s), each with %d members (two thirds women, a quarter with a stay abroad),
                %d savings deposits, %d postings, a verified chain and %d daily portfolio snapshots; then
                `DistrictConsole.rows()` (every cooperative's row: last posting, chain state, checkpoint, members, savings,
                loans outstanding, PAR30, remittances put to work, flags) %d times after %d to warm up.

                | measure | ms | goal | verdict |
                |---|---|---|---|
                | median | %.1f | < %.0f | %s |
                | slowest | %.1f | < %.0f | %s |

                Overall: **%s**
                """.formatted(cooperatives, setupSeconds, MEMBERS, DEPOSITS, POSTINGS, SNAPSHOT_DAYS + 1, RUNS, WARM_UP,
                median, GOAL_MS, median < GOAL_MS ? "PASS" : "FALL SHORT", slowest, GOAL_MS, verdict, verdict);
        Files.createDirectories(benchDir.resolve("results"));
        Files.writeString(benchDir.resolve("results").resolve("district-latest.md"), md);
        System.out.println(md);
    }
}
