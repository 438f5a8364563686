package org.lumbung.bench;

import org.jooq.DSLContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.loans.closing.CloseRun;
import org.lumbung.loans.closing.LoanBook;
import org.lumbung.loans.closing.Portfolio;
import org.lumbung.loans.closing.PortfolioSnapshot;
import org.lumbung.platform.db.EmbeddedPostgresServer;
import org.lumbung.security.SystemActor;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.TestPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The loans' close of business benchmark (run: {@code ./mvnw -Pbench-loans -pl backend -am verify -DskipTests}).
 * On one embedded PostgreSQL 17 it writes {@value #DEFAULT_LOANS} active loans of one cooperative (12
 * monthly instalments each; ten cohorts from long repaid-to-date to 250 days late; four products: penalty
 * per day with accrual, fixed penalty, per month, none with accrual) straight into the loan tables with
 * {@link LoanBook} — set-based, as the loan services have no bulk path to create 100,000 loans — then
 * closes one business day (goal ≤ 30 s) and catches up the next 30 days (goal ≤ 10 min). Results go to
 * bench/results/loans-latest.md.
 */
public final class LoansCloseBenchmark {

    static final int DEFAULT_LOANS = 100_000;
    static final int COHORTS = 10;
    static final int INSTALMENTS = 12;
    static final double ONE_DAY_GOAL_S = 30;
    static final double CATCH_UP_GOAL_S = 600;
    /** Each cohort: days from the first close to its first due date, and whether it repaid what fell due. */
    private static final int[][] COHORT = {{-200, 1}, {-100, 1}, {-50, 1}, {10, 1}, {-150, 1}, {-20, 0}, {-75, 0}, {-100, 0},
            {-150, 0}, {-250, 0}};

    private LoansCloseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_LOANS;
        Path data = Files.createTempDirectory("lumbung-bench-loans");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
            String url = server.jdbcUrl("bench");
            String password = server.passwords().owner();
            TestPostgres.migrate(url, "postgres", password);
            try (ConfigurableApplicationContext spring = new SpringApplicationBuilder(BackendTestApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .properties("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                            "spring.datasource.password=" + password, "spring.liquibase.enabled=false",
                            "lumbung.sample-data.enabled=false", "spring.datasource.hikari.maximum-pool-size=4", "server.port=0",
                            "logging.level.root=WARN")
                    .run()) {
                SystemActor.run(() -> {
                    run(spring, benchDir, count);
                    return null;
                });
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(ConfigurableApplicationContext spring, Path benchDir, int count) {
        DSLContext dsl = spring.getBean(DSLContext.class);
        CloseOfBusiness close = spring.getBean(CloseOfBusiness.class);
        Cooperative coop = spring.getBean(CooperativeService.class).create(new NewCooperative("bench", "KSP Bench", "Ngrupit",
                "Ponorogo", "Jawa Timur", "ID", "IDR", "id", "Asia/Jakarta"));
        LocalDate d0 = coop.today(spring.getBean(Clock.class)).minusDays(40);
        long setup = System.nanoTime();
        writeLoans(dsl, coop, d0, count);
        dsl.execute("analyze");
        double setupS = seconds(setup);
        close.start(coop.id(), d0);
        System.out.printf("%,d loans written in %.1f s; closing %s%n", count, setupS, d0);

        long one = System.nanoTime();
        CloseRun first = close.close(coop.id(), d0);
        double oneDayS = seconds(one);
        System.out.printf("one day closed in %.1f s (%,d late loans)%n", oneDayS, first.overdueLoans());

        List<Double> days = new ArrayList<>();
        long[] last = {System.nanoTime()};
        long catchUp = System.nanoTime();
        close.catchUp(coop.id(), d0.plusDays(30), (done, total, date) -> {
            days.add(seconds(last[0]));
            last[0] = System.nanoTime();
            if (done % 5 == 0) {
                System.out.printf("  caught up %d of %d days%n", done, total);
            }
        });
        double catchUpS = seconds(catchUp);
        PortfolioSnapshot end = spring.getBean(Portfolio.class).snapshot(coop.id(), d0.plusDays(30)).orElseThrow();
        CloseRun lastRun = close.run(coop.id(), d0.plusDays(30)).orElseThrow();
        write(benchDir, count, setupS, first, oneDayS, catchUpS, days, end, lastRun,
                dsl.fetchOne("select count(*) from journal_entry where cooperative_id = ?", coop.id()).get(0, Integer.class));
    }

    /** Ten cohorts of loans, each paid up to {@code d0} or not at all, under four products. */
    private static void writeLoans(DSLContext dsl, Cooperative coop, LocalDate d0, int count) {
        long[] products = {
                LoanBook.product(dsl, coop.id(), "HARIAN", "PERCENT_PER_DAY", "0.1", 3, "50000", true),
                LoanBook.product(dsl, coop.id(), "TETAP", "FIXED", "25000", 7, null, false),
                LoanBook.product(dsl, coop.id(), "BULANAN", "PERCENT_PER_MONTH", "2", 0, null, false),
                LoanBook.product(dsl, coop.id(), "TANPA", "NONE", "0", 0, null, true)};
        for (int k = 0; k < COHORTS; k++) {
            int size = count / COHORTS + (k < count % COHORTS ? 1 : 0);
            LocalDate firstDue = d0.plusDays(COHORT[k][0]);
            String prefix = "C" + k;
            LoanBook.loans(dsl, coop.id(), products[k % products.length], prefix, size, INSTALMENTS, "250000", "37500", firstDue);
            int fallenDue = (int) Stream.iterate(firstDue, d -> d.plusMonths(1)).limit(INSTALMENTS).filter(d -> d.isBefore(d0)).count();
            if (COHORT[k][1] == 1 && fallenDue > 0) {
                LoanBook.payAll(dsl, coop.id(), prefix, fallenDue, d0.minusDays(1));
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void write(Path benchDir, int count, double setupS, CloseRun first, double oneDayS, double catchUpS, List<Double> days,
                              PortfolioSnapshot end, CloseRun lastRun, int entries) {
        List<Double> sorted = days.stream().sorted().toList();
        String oneVerdict = oneDayS <= ONE_DAY_GOAL_S ? "PASS" : "FALL SHORT";
        String catchVerdict = catchUpS <= CATCH_UP_GOAL_S ? "PASS" : "FALL SHORT";
        String md = """
                # Loans close of business benchmark (latest run)

                Command: `./mvnw -Pbench-loans -pl backend -am verify -DskipTests` (embedded PostgreSQL 17, %d cores, %s).
                %,d active loans of one cooperative, 12 monthly instalments each (%,d instalments), written set-based into
                the loan tables by `LoanBook` in %.1f s (the loan services have no bulk path for 100,000 loans; the close
                reads only the tables). Ten cohorts from repaid-to-date to 250 days late; four products (penalty 0.1 %%
                a day after 3 days capped at 50,000 with interest accrual; 25,000 fixed after 7 days; 2 %% a month; none
                with accrual).

                | measure | result | goal | verdict |
                |---|---|---|---|
                | one business day closed (%,d late loans; penalties %s; interest accrued %s) | %.1f s | ≤ 30 s | %s |
                | 30-day catch-up (days closed in order, each in its own short transactions) | %.1f s | ≤ 600 s | %s |
                | one day within the catch-up: min / median / max | %.1f / %.1f / %.1f s | | |

                After the catch-up (%s): %,d loans, %,d late, outstanding %s, PAR30 %s %%, PAR90 %s %%, provision %s;
                %,d journal entries in all (one per step and day that booked something, one provision per month end).
                """.formatted(Runtime.getRuntime().availableProcessors(), LocalDate.now(), count, count * INSTALMENTS, setupS,
                first.overdueLoans(), first.penalties().toPlainString(), first.accrued().toPlainString(), oneDayS, oneVerdict,
                catchUpS, catchVerdict, sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                end.businessDate(), end.total().loans(), lastRun.overdueLoans(), end.total().outstanding().toPlainString(),
                end.par30Percent().toPlainString(), end.par90Percent().toPlainString(), end.total().provision().toPlainString(), entries);
        System.out.println(md);
        System.out.println("one day: " + oneVerdict + ", catch-up: " + catchVerdict);
        try {
            Files.createDirectories(benchDir.resolve("results"));
            Files.writeString(benchDir.resolve("results/loans-latest.md"), md);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
