package org.lumbung.bench;

import org.jooq.DSLContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.cooperative.NewCooperative;
import org.lumbung.members.Member;
import org.lumbung.members.MemberFilter;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.members.MigrationSector;
import org.lumbung.members.NationalIdKind;
import org.lumbung.members.NewMember;
import org.lumbung.members.NewMigration;
import org.lumbung.platform.db.EmbeddedPostgresServer;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.Movement;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.security.SystemActor;
import org.lumbung.testsupport.BackendTestApplication;
import org.lumbung.testsupport.TestPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The members benchmark (run: {@code ./mvnw -Pbench-members -pl backend -am verify -DskipTests}). On one
 * embedded PostgreSQL 17 it registers {@value #DEFAULT_MEMBERS} members of one cooperative through
 * {@code MemberService.register} (which opens each member's three savings accounts), gives them a
 * migration history and deposits through {@code SavingsService.depositAll}, then measures what a
 * treasurer waits for: the members search (first page of 50 and the count, as the lazy grid asks),
 * the member page (profile, migrations, status history, accounts with balances, the last 20
 * transactions and their count) and scrolling the grid (pages at random offsets). Medians and 95th
 * percentiles go to bench/results/members-latest.md.
 */
public final class MembersBenchmark {

    static final int DEFAULT_MEMBERS = 100_000;
    /**
     * Members per transaction: each member's deposits update the cash account's row, and PostgreSQL keeps
     * every version of that row until the commit, so very long transactions slow down quadratically.
     */
    static final int CHUNK = 50;
    /** Statistics refreshed every this many members, as autovacuum would on a live server. */
    static final int ANALYZE_EVERY = 5_000;
    /** One registering thread: registrations of one cooperative serialise on its member-number lock anyway. */
    static final int THREADS = 1;
    static final int REPEATS = 30;
    private static final LocalDate JOINED = LocalDate.of(2025, 1, 4);
    private static final String[] FIRST = {"Siti", "Sri", "Sitti", "Sumiati", "Suparmi", "Tumini", "Lestari", "Endang", "Kusmiyati",
            "Sulastri", "Winarti", "Parni", "Rahayu", "Puji", "Nur", "Umi", "Yuli", "Sunarti", "Marsini", "Katini", "Ngatini",
            "Painem", "Sukini", "Tri", "Eni", "Rini", "Yuni", "Wartini", "Asih", "Darmi", "Sutini", "Tutik", "Anik", "Mariyam"};
    private static final String[] LAST = {"Aminah", "Aminnah", "Wahyuni", "Rahayu", "Lestari", "Handayani", "Susilowati",
            "Ningsih", "Astuti", "Wulandari", "Purwanti", "Hartini", "Suryani", "Setyawati", "Utami", "Kurniasih", "Fatimah",
            "Khoiriyah", "Rahmawati", "Indrawati", "Mulyani", "Yuliani", "Sumarsih", "Prasetyo", "Santoso"};
    private static final String[] VILLAGES = {"Ngrupit", "Jenangan", "Setono", "Panjeng", "Semanding", "Kemiri", "Mrican", "Nglayang"};
    private static final String[] COUNTRIES = {"MY", "HK", "TW", "SA", "SG"};

    private MembersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_MEMBERS;
        Path data = Files.createTempDirectory("lumbung-bench-members");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true)) {
            String url = server.jdbcUrl("bench");
            TestPostgres.migrate(url, "postgres", server.passwords().owner());
            try (ConfigurableApplicationContext spring = new SpringApplicationBuilder(BackendTestApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                            "spring.datasource.password=postgres", "spring.liquibase.enabled=false",
                            "lumbung.sample-data.enabled=false", "spring.datasource.hikari.maximum-pool-size=4",
                            "logging.level.root=WARN")
                    .run()) {
                new MembersBenchmark().run(spring, benchDir, count);
            }
        } finally {
            deleteTree(data);
        }
    }

    private void run(ConfigurableApplicationContext spring, Path benchDir, int count) throws Exception {
        CooperativeService cooperatives = spring.getBean(CooperativeService.class);
        MemberService members = spring.getBean(MemberService.class);
        SavingsService savings = spring.getBean(SavingsService.class);
        SavingsProducts products = spring.getBean(SavingsProducts.class);
        TransactionTemplate transaction = spring.getBean(TransactionTemplate.class);
        DSLContext dsl = spring.getBean(DSLContext.class);

        Cooperative coop = system(() -> cooperatives.create(new NewCooperative("bench", "KSP Bench", "Ngrupit", "Ponorogo",
                "Jawa Timur", "ID", "IDR", "id", "Asia/Jakarta")));
        system(() -> {
            products.create(coop.id(), new NewSavingsProduct("POKOK", "Share capital", "Simpanan Pokok", SavingsKind.SHARE, "IDR",
                    "3100", new BigDecimal("100000"), null, null, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY, null, null));
            products.create(coop.id(), new NewSavingsProduct("WAJIB", "Mandatory savings", "Simpanan Wajib", SavingsKind.MANDATORY,
                    "IDR", "3200", null, new BigDecimal("25000"), null, BigDecimal.ZERO, InterestMethod.NONE, InterestPosting.MONTHLY,
                    null, null));
            return products.create(coop.id(), new NewSavingsProduct("SUKARELA", "Voluntary savings", "Simpanan Sukarela",
                    SavingsKind.VOLUNTARY, "IDR", "2100", null, null, new BigDecimal("10000"), new BigDecimal("3"),
                    InterestMethod.DAILY_BALANCE, InterestPosting.MONTHLY, null, null));
        });

        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> done = new ArrayList<>();
        dsl.execute("analyze");
        for (int from = 0; from < count; from += CHUNK) {
            int first = from;
            int last = Math.min(count, from + CHUNK);
            done.add(pool.submit(() -> system(() -> transaction.execute(status -> {
                Random random = new Random(first);
                for (int i = first; i < last; i++) {
                    registerOne(members, savings, coop, random, i);
                }
                return last - first;
            }))));
        }
        int registered = 0;
        for (Future<Integer> f : done) {
            registered += f.get();
            if (registered % ANALYZE_EVERY == 0) {
                dsl.execute("analyze");
            }
        }
        pool.shutdown();
        double registerSeconds = (System.nanoTime() - start) / 1e9;
        dsl.execute("analyze");
        System.out.printf("registered %d members with deposits in %.0f s%n", count, registerSeconds);

        Random random = new Random(7);
        List<String> searches = List.of("Siti Aminah", "Sitti Aminnah", "aminah", "Wahyunni", "Kusmiyati Hartini", "4711",
                "0812-34", "3502114");
        double[] search = new double[searches.size() * REPEATS];
        int s = 0;
        for (int r = 0; r < REPEATS; r++) {
            for (String text : searches) {
                MemberFilter filter = MemberFilter.text(text);
                search[s++] = timed(() -> system(() -> members.page(coop.id(), filter, 0, 50).size() + members.count(coop.id(), filter)));
            }
        }
        double[] page = new double[REPEATS * 10];
        for (int i = 0; i < page.length; i++) {
            int number = 1 + random.nextInt(count);
            page[i] = timed(() -> system(() -> {
                Member m = members.byNumber(coop.id(), number).orElseThrow();
                members.member(coop.id(), m.id());
                members.migrations(coop.id(), m.id());
                members.statusHistory(coop.id(), m.id());
                savings.accounts(coop.id(), m.id());
                savings.transactions(coop.id(), m.id(), 0, 20);
                return savings.transactionCount(coop.id(), m.id());
            }));
        }
        double[] scroll = new double[REPEATS * 10];
        MemberFilter women = new MemberFilter(null, MemberStatus.ACTIVE, null, "F", null);
        for (int i = 0; i < scroll.length; i++) {
            int offset = random.nextInt(count - 100);
            MemberFilter filter = i % 2 == 0 ? MemberFilter.ALL : women;
            scroll[i] = timed(() -> system(() -> members.page(coop.id(), filter, offset, 50).size()));
        }
        double countAll = timed(() -> system(() -> members.count(coop.id(), MemberFilter.ALL)));
        report(benchDir, count, registerSeconds, search, page, scroll, countAll);
    }

    /** One member as a treasurer registers them: identity, a stay abroad, share capital, two months of dues, savings. */
    private static void registerOne(MemberService members, SavingsService savings, Cooperative coop, Random random, int i) {
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        LocalDate birth = LocalDate.of(1965 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String nik = "350211%02d%02d%02d%04d".formatted(birth.getDayOfMonth() + 40, birth.getMonthValue(), birth.getYear() % 100,
                1 + (i % 9999));
        boolean uniqueNik = i < 9999;
        Member m = members.register(coop.id(), new NewMember(name, "F", uniqueNik ? NationalIdKind.NIK : NationalIdKind.NONE,
                uniqueNik ? nik : null, birth, VILLAGES[random.nextInt(VILLAGES.length)], null,
                "08%02d-%04d-%04d".formatted(12 + random.nextInt(8), random.nextInt(10_000), i % 10_000), null, null, "id",
                JOINED, MemberStatus.ACTIVE));
        if (random.nextInt(10) < 6) {
            members.addMigration(coop.id(), m.id(), new NewMigration(COUNTRIES[random.nextInt(COUNTRIES.length)],
                    MigrationSector.DOMESTIC_WORK, LocalDate.of(2012, 3, 1), LocalDate.of(2019, 11, 30)));
        }
        List<Movement> deposits = new ArrayList<>();
        for (SavingsAccount a : savings.accounts(coop.id(), m.id())) {
            String key = "bench-" + i + "-" + a.kind();
            switch (a.kind()) {
                case SHARE -> deposits.add(new Movement(a.id(), new BigDecimal("100000"), JOINED, null, key));
                case MANDATORY -> {
                    deposits.add(new Movement(a.id(), new BigDecimal("25000"), JOINED, null, key + "-1"));
                    deposits.add(new Movement(a.id(), new BigDecimal("25000"), JOINED.plusMonths(1), null, key + "-2"));
                }
                default -> deposits.add(new Movement(a.id(), BigDecimal.valueOf(50_000L * (1 + random.nextInt(40))), JOINED, null, key));
            }
        }
        savings.depositAll(coop.id(), deposits);
    }

    private static <T> T system(Supplier<T> work) {
        return SystemActor.run(work);
    }

    private static double timed(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void report(Path benchDir, int count, double registerSeconds, double[] search, double[] page, double[] scroll,
                               double countAll) throws IOException {
        String md = """
                # Members benchmark

                `./mvnw -Pbench-members -pl backend -am verify -DskipTests` (`org.lumbung.bench.MembersBenchmark`): one
                cooperative with %,d members registered through `MemberService.register` (three savings accounts each,
                60 %% with a stay abroad, four deposits each through `SavingsService.depositAll`), embedded PostgreSQL 17,
                2 cores. Times in milliseconds through the services (what the screens call), after `ANALYZE`.

                | figure | median | p95 | goal |
                |---|---|---|---|
                | search: first page of 50 + count (names with spelling variants, number, phone, NIK), %d runs | %.1f | %.1f | < 100 |
                | member page: profile, migrations, status history, accounts with balances, last 20 transactions + count, %d members | %.1f | %.1f | < 300 |
                | grid scroll: a page of 50 at a random offset (all members / active women), %d pages | %.1f | %.1f | smooth |
                | count of all members (the grid's size) | %.1f | | |

                Registering the %,d members with their deposits took %.0f s (%.0f members/s, %d threads).
                """.formatted(count, search.length, percentile(search, 0.5), percentile(search, 0.95), page.length,
                percentile(page, 0.5), percentile(page, 0.95), scroll.length, percentile(scroll, 0.5), percentile(scroll, 0.95),
                countAll, count, registerSeconds, count / registerSeconds, THREADS);
        Path results = benchDir.resolve("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("members-latest.md"), md);
        System.out.println(md);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
