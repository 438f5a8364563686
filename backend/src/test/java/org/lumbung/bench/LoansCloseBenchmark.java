package org.lumbung.bench;

import org.jooq.DSLContext;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.loans.Channel;
import org.lumbung.loans.Disbursement;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanApplication;
import org.lumbung.loans.LoanProduct;
import org.lumbung.loans.LoanProductService;
import org.lumbung.loans.LoanPurpose;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.NewLoanProduct;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.PenaltyKind;
import org.lumbung.loans.schedule.PenaltyRule;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.security.NewUser;
import org.lumbung.security.Role;
import org.lumbung.security.UserService;
import org.lumbung.loans.closing.CloseRun;
import org.lumbung.loans.closing.LoanBook;
import org.lumbung.loans.closing.Portfolio;
import org.lumbung.loans.closing.PortfolioSnapshot;
import org.lumbung.security.SystemActor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The loans' close of business benchmark (run: {@code ./mvnw -Pbench-loans -pl backend -am verify -DskipTests}).
 * On one embedded PostgreSQL 17 it creates {@value #DEFAULT_LOANS} active loans of one cooperative through the
 * loan services — applied, approved by a second person and disbursed in cash, in groups of
 * {@link LoanService#MAX_GROUP} ({@link LoanService#applyAll}, {@link LoanService#approveAll},
 * {@link LoanService#disburseAll}: the same checks as one loan's, the entries through the ledger's batch path);
 * only the borrowers are written set-based. 12 monthly flat instalments each; ten cohorts from 250 days late to
 * first due 25 days after the first close; four products (penalty per day with accrual, fixed penalty, per month,
 * none with accrual). Then it closes one business day (goal ≤ 30 s) and catches up the next 30 days (goal ≤ 10
 * min). Results go to bench/results/loans-latest.md.
 */
public final class LoansCloseBenchmark {

    static final int DEFAULT_LOANS = 100_000;
    static final int COHORTS = 10;
    static final int INSTALMENTS = 12;
    static final double ONE_DAY_GOAL_S = 30;
    static final double CATCH_UP_GOAL_S = 600;
    /**
     * Each cohort's first due date, in days from the first close: half fall due during the catch-up (nothing
     * is repaid, so they go late as it runs), half are already late by 20 to 250 days.
     */
    private static final int[] COHORT = {5, 10, 15, 20, 25, -20, -75, -100, -150, -250};
    private static final String OFFICER = "treasurer";
    private static final String CHAIR = "chair";

    private LoansCloseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench").toAbsolutePath().normalize();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_LOANS;
        BenchBackend.run("loans", spring -> run(spring, benchDir, count));
    }

    private static void run(ConfigurableApplicationContext spring, Path benchDir, int count) {
        DSLContext dsl = spring.getBean(DSLContext.class);
        CloseOfBusiness close = spring.getBean(CloseOfBusiness.class);
        Cooperative coop = BenchBackend.cooperative(spring);
        LocalDate d0 = coop.today(spring.getBean(Clock.class)).minusDays(40);
        Creation created = createLoans(spring, coop, d0, count);
        dsl.execute("analyze");
        close.start(coop.id(), d0);
        System.out.printf("%,d loans created through the services in %.1f s; closing %s%n", count, created.total(), d0);

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
        write(benchDir, count, created, first, oneDayS, catchUpS, days, end, lastRun,
                dsl.fetchOne("select count(*) from journal_entry where cooperative_id = ?", coop.id()).get(0, Integer.class));
    }

    /** Seconds spent writing the borrowers and in each service step for all the loans. */
    record Creation(double members, double apply, double approve, double disburse) {
        double total() {
            return members + apply + approve + disburse;
        }
    }

    /**
     * The cooperative's capital (a grant), staff (a treasurer who applies and disburses, a chair who approves),
     * four products and the borrowers; then each cohort's loans applied, approved and disbursed a month before
     * their first due date, group by group, through the loan services. The business date starts before the
     * earliest first due date, as for any back-dated history.
     */
    private static Creation createLoans(ConfigurableApplicationContext spring, Cooperative coop, LocalDate d0, int count) {
        DSLContext dsl = spring.getBean(DSLContext.class);
        LoanService loans = spring.getBean(LoanService.class);
        LocalDate start = d0.minusDays(300);
        spring.getBean(LedgerService.class).post(new PostingRequest(coop.id(), "bench-grant", start, "capital", "MANUAL", null,
                List.of(PostingLine.debit("1100", new BigDecimal("1000000000000")),
                        PostingLine.credit("3300", new BigDecimal("1000000000000"))), SystemActor.NAME));
        UserService users = spring.getBean(UserService.class);
        users.create(new NewUser(OFFICER, "Ibu Sri", Role.TREASURER, coop.id(), "id", null), "padi menguning di sawah");
        users.create(new NewUser(CHAIR, "Pak Budi", Role.CHAIR, coop.id(), "id", null), "padi menguning di sawah");
        List<LoanProduct> products = products(spring.getBean(LoanProductService.class), coop.id());
        spring.getBean(CloseOfBusiness.class).start(coop.id(), start);
        long t = System.nanoTime();
        List<Long> borrowers = LoanBook.members(dsl, coop.id(), count, start.minusYears(1));
        double members = seconds(t);
        double[] spent = new double[3];
        for (int from = 0, k = 0; k < COHORTS; k++) {
            int size = count / COHORTS + (k < count % COHORTS ? 1 : 0);
            LocalDate firstDue = d0.plusDays(COHORT[k]);
            for (int g = from; g < from + size; g += LoanService.MAX_GROUP) {
                List<Long> group = borrowers.subList(g, Math.min(from + size, g + LoanService.MAX_GROUP));
                group(loans, coop.id(), products.get(k % products.size()), group, firstDue, spent);
            }
            from += size;
            System.out.printf("  cohort %d: %,d loans (apply %.0f s, approve %.0f s, disburse %.0f s so far)%n", k, size,
                    spent[0], spent[1], spent[2]);
        }
        return new Creation(members, spent[0], spent[1], spent[2]);
    }

    /** One group's loans: applied by the treasurer, approved by the chair, disbursed in cash by the treasurer. */
    private static void group(LoanService loans, long coop, LoanProduct product, List<Long> borrowers, LocalDate firstDue,
                              double[] spent) {
        String tag = product.code() + "-" + borrowers.get(0);
        List<LoanApplication> applications = borrowers.stream().map(m -> new LoanApplication(m, product.id(),
                new BigDecimal("3000000"), INSTALMENTS, firstDue, LoanPurpose.TRADE, "modal warung", OFFICER, List.of(), null, null,
                "bench-apply-" + m)).toList();
        long t = System.nanoTime();
        List<Long> ids = as(OFFICER, () -> loans.applyAll(coop, applications)).stream().map(Loan::id).toList();
        spent[0] += seconds(t);
        t = System.nanoTime();
        as(CHAIR, () -> loans.approveAll(coop, ids, "kelompok layak", null));
        spent[1] += seconds(t);
        t = System.nanoTime();
        as(OFFICER, () -> loans.disburseAll(coop, ids, new Disbursement(firstDue.minusMonths(1), Channel.CASH, "bench-pay-" + tag)));
        spent[2] += seconds(t);
    }

    /** Flat 1.5 % a month, monthly, to the rupiah; four penalty rules, two products accruing interest. */
    private static List<LoanProduct> products(LoanProductService service, long coop) {
        record P(String code, PenaltyRule penalty, boolean accrues) {
        }
        return Stream.of(new P("HARIAN", new PenaltyRule(PenaltyKind.PERCENT_PER_DAY, new BigDecimal("0.1"), 3, new BigDecimal("50000")), true),
                        new P("TETAP", new PenaltyRule(PenaltyKind.FIXED, new BigDecimal("25000"), 7, null), false),
                        new P("BULANAN", new PenaltyRule(PenaltyKind.PERCENT_PER_MONTH, new BigDecimal("2"), 0, null), false),
                        new P("TANPA", null, true))
                .map(p -> service.create(coop, new NewLoanProduct(p.code(), "Business loan", "Pinjaman usaha", "IDR", InterestMethod.FLAT,
                        new BigDecimal("1.5"), RatePeriod.MONTH, RepaymentFrequency.MONTHLY, 1, 60, new BigDecimal("100000"),
                        new BigDecimal("50000000"), 0, 0, DayCount.THIRTY_360, BigDecimal.ONE, null, p.penalty(), null, null,
                        p.accrues(), 3, BigDecimal.ZERO)))
                .toList();
    }

    /** Runs the work as one of the cooperative's staff (maker and checker differ), with the system's rights and scope. */
    private static <T> T as(String username, java.util.function.Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(new UsernamePasswordAuthenticationToken(username, null, List.of(new SimpleGrantedAuthority("ROLE_SYSTEM"))));
        SecurityContextHolder.setContext(acting);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void write(Path benchDir, int count, Creation created, CloseRun first, double oneDayS, double catchUpS, List<Double> days,
                              PortfolioSnapshot end, CloseRun lastRun, int entries) {
        List<Double> sorted = days.stream().sorted().toList();
        String oneVerdict = oneDayS <= ONE_DAY_GOAL_S ? "PASS" : "FALL SHORT";
        String catchVerdict = catchUpS <= CATCH_UP_GOAL_S ? "PASS" : "FALL SHORT";
        String md = """
                # Loans close of business benchmark (latest run)

                Command: `./mvnw -Pbench-loans -pl backend -am verify -DskipTests` (embedded PostgreSQL 17, %d cores, %s).
                %,d active loans of one cooperative, 12 monthly flat instalments each (%,d instalments), created through
                the loan services in %.1f s: applied by the treasurer (%.1f s), approved by the chair (%.1f s) and
                disbursed in cash (%.1f s, one journal entry per loan through the ledger's batch path), in groups of
                %d (`LoanService.applyAll` / `approveAll` / `disburseAll`, the same checks as for one loan); only the
                borrowers were written set-based (%.1f s). Ten cohorts: five already 20 to 250 days late, five falling
                due 5 to 25 days into the catch-up; nothing repaid. Four products (penalty 0.1 %% a day after 3 days
                capped at 50,000 with interest accrual; 25,000 fixed after 7 days; 2 %% a month; none with accrual).

                | measure | result | goal | verdict |
                |---|---|---|---|
                | one business day closed (%,d late loans; penalties %s; interest accrued %s) | %.1f s | ≤ 30 s | %s |
                | 30-day catch-up (days closed in order, each in its own short transactions) | %.1f s | ≤ 600 s | %s |
                | one day within the catch-up: min / median / max | %.1f / %.1f / %.1f s | | |

                After the catch-up (%s): %,d loans, %,d late, outstanding %s, PAR30 %s %%, PAR90 %s %%, provision %s;
                %,d journal entries in all (the grant, one per disbursement, one per close step and day that booked something).
                """.formatted(Runtime.getRuntime().availableProcessors(), LocalDate.now(), count, count * INSTALMENTS, created.total(),
                created.apply(), created.approve(), created.disburse(), LoanService.MAX_GROUP, created.members(),
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
