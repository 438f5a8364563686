package org.lumbung.sampledata;

import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.loans.Channel;
import org.lumbung.loans.Disbursement;
import org.lumbung.loans.LendingLimits;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanApplication;
import org.lumbung.loans.LoanProduct;
import org.lumbung.loans.LoanProductService;
import org.lumbung.loans.LoanPurpose;
import org.lumbung.loans.LoanRepayments;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanWorkouts;
import org.lumbung.loans.NewLoanProduct;
import org.lumbung.loans.Repayment;
import org.lumbung.loans.Reschedule;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.Fee;
import org.lumbung.loans.schedule.FeeKind;
import org.lumbung.loans.schedule.FeeTiming;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.PenaltyKind;
import org.lumbung.loans.schedule.PenaltyRule;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.members.Member;
import org.lumbung.members.MemberStatus;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sample cooperative's loans over its history, booked through the loan services on the timeline: three
 * products (flat, annuity, equal principal fortnightly), loans repaid, current, late in each collectibility
 * class at the end of the history, one rescheduled and one written off and partly recovered; the close of
 * business runs every day from {@link #FIRST_CLOSE}, so the PAR trend is the real one. The treasurer
 * applies, disburses and takes repayments; the chair approves (maker-checker). Dates are written as of the
 * sample's last day (7 November 2026) and moved with {@link SampleData#date} like every other sample date.
 */
@Component
class LoanSample implements SampleDataContributor {

    private static final Logger LOG = LoggerFactory.getLogger(LoanSample.class);

    static final LocalDate FIRST_CLOSE = LocalDate.of(2025, 5, 1);
    /** On its day after savings, the journal and withdrawals; the close of business after everything else. */
    private static final int LOAN_EVENTS = 5;
    private static final int CLOSE = 10;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** What the treasurer keeps in the cash box after a payout. */
    private static final BigDecimal CASH_FLOAT = BigDecimal.valueOf(10_000_000);

    enum Behaviour { REPAYS, STOPS, RESCHEDULED, WRITTEN_OFF }

    /**
     * One planned loan: borrower, product, amount, instalments, disbursed on, how it goes, instalments paid if it stops,
     * what for, and the loan officer who took the application.
     */
    record Plan(int member, String product, String amount, int instalments, LocalDate disbursed, Behaviour behaviour, int paid,
                LoanPurpose purpose, String purposeText, String officer) {
    }

    /** The files' last day ({@code history.until}), as written. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 7);

    /** The loans with a story of their own: late in each collectibility class, rescheduled, written off. */
    static final List<Plan> PLANS = List.of(
            new Plan(1, "FLAT", "10000000", 12, LocalDate.of(2026, 2, 10), Behaviour.REPAYS, 0, LoanPurpose.TRADE, "warung sembako", "treasurer"),
            new Plan(2, "FLAT", "5000000", 6, LocalDate.of(2025, 5, 15), Behaviour.REPAYS, 0, LoanPurpose.FOOD_PROCESSING, "produksi keripik tempe", "rina"),
            new Plan(3, "ANUITAS", "15000000", 24, LocalDate.of(2025, 9, 1), Behaviour.REPAYS, 0, LoanPurpose.FARMING, "sapi perah", "joko"),
            new Plan(4, "ANUITAS", "12000000", 24, LocalDate.of(2025, 11, 20), Behaviour.REPAYS, 0, LoanPurpose.EDUCATION, "biaya kuliah anak", "rina"),
            new Plan(5, "POKOK", "4000000", 24, LocalDate.of(2026, 5, 4), Behaviour.REPAYS, 0, LoanPurpose.TRADE, "dagang sayur di pasar", "joko"),
            new Plan(20, "POKOK", "3000000", 12, LocalDate.of(2025, 10, 6), Behaviour.REPAYS, 0, LoanPurpose.HEALTH_CARE, "biaya operasi ibu", "rina"),
            new Plan(18, "ANUITAS", "20000000", 24, LocalDate.of(2026, 7, 15), Behaviour.REPAYS, 0, LoanPurpose.FOOD_PROCESSING, "usaha katering", "joko"),
            new Plan(19, "FLAT", "6000000", 6, LocalDate.of(2026, 8, 3), Behaviour.REPAYS, 0, LoanPurpose.HOUSING, "perbaikan atap rumah", "rina"),
            new Plan(6, "FLAT", "8000000", 12, LocalDate.of(2026, 3, 18), Behaviour.STOPS, 6, LoanPurpose.FARMING, "bibit dan pupuk padi", "joko"),      // ~20 days late
            new Plan(7, "POKOK", "5000000", 24, LocalDate.of(2026, 6, 1), Behaviour.STOPS, 8, LoanPurpose.TRADE, "kios pulsa", "rina"),      // ~33 days late
            new Plan(13, "ANUITAS", "12000000", 12, LocalDate.of(2025, 12, 30), Behaviour.STOPS, 6, LoanPurpose.FARMING, "kambing", "joko"), // ~100: kurang lancar
            new Plan(14, "FLAT", "10000000", 12, LocalDate.of(2026, 1, 10), Behaviour.STOPS, 4, LoanPurpose.FOOD_PROCESSING, "produksi jamu", "rina"),     // ~150: diragukan
            new Plan(15, "FLAT", "7000000", 18, LocalDate.of(2025, 6, 2), Behaviour.STOPS, 8, LoanPurpose.OTHER, "modal kerja", "treasurer"),      // ~250: macet
            new Plan(16, "FLAT", "9000000", 12, LocalDate.of(2025, 7, 5), Behaviour.RESCHEDULED, 5, LoanPurpose.TRADE, "toko kelontong", "joko"),
            new Plan(17, "FLAT", "6000000", 12, LocalDate.of(2025, 6, 20), Behaviour.WRITTEN_OFF, 2, LoanPurpose.EDUCATION, "sekolah menjahit", "rina"));
    /** Members whose loans are not generated: the one who leaves in August 2026 and the one suspended in June. */
    private static final Set<Integer> NO_LOANS = Set.of(11, 40);
    static final LocalDate RESCHEDULED_ON = LocalDate.of(2026, 3, 10);
    static final LocalDate WRITTEN_OFF_ON = LocalDate.of(2026, 4, 20);
    static final LocalDate RECOVERED_ON = LocalDate.of(2026, 6, 15);

    private final LoanProductService products;
    private final LoanService loans;
    private final LoanRepayments repayments;
    private final LoanWorkouts workouts;
    private final SavingsService savings;
    private final CloseOfBusiness close;
    private final LendingLimits limits;
    private final ChartOfAccounts chart;
    private final LedgerService ledger;

    LoanSample(LoanProductService products, LoanService loans, LoanRepayments repayments, LoanWorkouts workouts,
               SavingsService savings, CloseOfBusiness close, LendingLimits limits, ChartOfAccounts chart, LedgerService ledger) {
        this.products = products;
        this.loans = loans;
        this.repayments = repayments;
        this.workouts = workouts;
        this.savings = savings;
        this.close = close;
        this.limits = limits;
        this.chart = chart;
        this.ledger = ledger;
    }

    @Override
    public int getOrder() {
        return 500;
    }

    @Override
    public void contribute(SampleData sample) {
        long coop = sample.cooperative().id();
        LocalDate until = sample.today();
        Map<String, LoanProduct> byCode = createProducts(coop);
        Map<Integer, Member> members = new HashMap<>();
        sample.shared(MemberSample.Registered.class).members().forEach(m -> members.put(m.memberNumber(), m));
        Map<Integer, Long> loanIds = new HashMap<>();
        Map<LocalDate, List<Booking>> paydays = new HashMap<>();
        List<Plan> plans = new ArrayList<>(PLANS);
        Set<Integer> storied = new HashSet<>();
        PLANS.forEach(p -> storied.add(p.member()));
        plans.addAll(new LoanBook(sample.json().get("history").get("seed").asLong() + 5, FIRST_CLOSE.plusDays(1))
                .plan(sample.shared(MemberSample.Registered.class).members(), storied, NO_LOANS,
                        ChronoUnit.DAYS.between(LAST_DAY, sample.today())));
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            Member m = members.get(p.member());
            if (m == null || m.status() == MemberStatus.APPLICANT || m.joinedOn().isAfter(sample.date(p.disbursed()))) {
                continue;
            }
            new Booking(sample, coop, i, p, m, Objects.requireNonNull(byCode.get(p.product())), loanIds, paydays).plan(until);
        }
        scheduleCloses(sample, coop, until);
    }

    /**
     * The business date starts on the first close; the close then runs after each day's events up to
     * yesterday: today is the treasurer's, closed tonight.
     */
    private void scheduleCloses(SampleData sample, long coop, LocalDate until) {
        LocalDate first = sample.date(FIRST_CLOSE);
        close.start(coop, first);
        long[] closing = {0, 0};
        for (LocalDate day = first; day.isBefore(until); day = day.plusDays(1)) {
            LocalDate d = day;
            // in the day's chunk of events, not in six commits of its own a day
            sample.on(d, CLOSE, () -> {
                long start = System.nanoTime();
                close.closeWithin(coop, d);
                closing[0]++;
                closing[1] += System.nanoTime() - start;
            });
        }
        sample.afterwards(() -> LOG.info("the sample's {} closes of business took {} ms", closing[0], closing[1] / 1_000_000));
    }

    /**
     * A day's repayments, taken together as the treasurer takes them at the day's meetings: what each loan due
     * that day owes by then (the collection sheet), paid in full, in one call of the loans service.
     */
    private void payDay(long coop, LocalDate date, List<Booking> paying) {
        Map<Long, Booking> byLoan = new LinkedHashMap<>();
        paying.stream().filter(Booking::disbursed).forEach(b -> byLoan.put(b.id(), b));
        if (byLoan.isEmpty()) {
            return;
        }
        Map<Long, BigDecimal> due = loans.dueBy(coop, new ArrayList<>(byLoan.keySet()), date);
        Map<Long, Repayment> payments = new LinkedHashMap<>();
        byLoan.forEach((loan, b) -> {
            if (due.containsKey(loan)) {
                payments.put(loan, new Repayment(due.get(loan), date, Channel.CASH, null, b.key("repay-" + date)));
            }
        });
        if (!payments.isEmpty()) {
            as("treasurer", () -> repayments.repayAll(coop, payments));
        }
    }

    private Map<String, LoanProduct> createProducts(long coop) {
        PenaltyRule daily = new PenaltyRule(PenaltyKind.PERCENT_PER_DAY, new BigDecimal("0.1"), 3, new BigDecimal("100000"));
        PenaltyRule monthly = new PenaltyRule(PenaltyKind.PERCENT_PER_MONTH, new BigDecimal("2"), 7, null);
        PenaltyRule fixed = new PenaltyRule(PenaltyKind.FIXED, new BigDecimal("10000"), 0, null);
        Fee admin = new Fee(FeeKind.FIXED, new BigDecimal("25000"), FeeTiming.DEDUCTED_AT_DISBURSEMENT);
        Map<String, LoanProduct> created = new HashMap<>();
        created.put("FLAT", products.create(coop, product("FLAT", "Microloan, flat rate", "Pinjaman mikro bunga flat",
                InterestMethod.FLAT, "1.5", RatePeriod.MONTH, RepaymentFrequency.MONTHLY, 6, 24, admin, daily, false)));
        created.put("ANUITAS", products.create(coop, product("ANUITAS", "Business loan, annuity", "Pinjaman usaha anuitas",
                InterestMethod.DECLINING_ANNUITY, "18", RatePeriod.YEAR, RepaymentFrequency.MONTHLY, 12, 36, admin, monthly, true)));
        created.put("POKOK", products.create(coop, product("POKOK", "Market loan, equal principal", "Pinjaman pasar pokok tetap",
                InterestMethod.DECLINING_EQUAL_PRINCIPAL, "1.25", RatePeriod.MONTH, RepaymentFrequency.FORTNIGHTLY, 12, 26, null,
                fixed, false)));
        return created;
    }

    private static NewLoanProduct product(String code, String en, String id, InterestMethod method, String rate, RatePeriod period,
                                          RepaymentFrequency frequency, int min, int max, @Nullable Fee fee, PenaltyRule penalty,
                                          boolean accrues) {
        return new NewLoanProduct(code, en, id, "IDR", method, new BigDecimal(rate), period, frequency, min, max,
                new BigDecimal("500000"), BigDecimal.valueOf(maxMillions(code) * 1_000_000), 0, 0, DayCount.THIRTY_360, null, fee, penalty, null,
                PrepaymentRule.INTEREST_TO_PAYMENT_DATE, accrues, 1, BigDecimal.ZERO);
    }

    /** The largest loan of a product, in millions (see {@link #createProducts}). */
    static long maxMillions(String product) {
        return switch (product) {
            case "ANUITAS" -> 50;
            case "POKOK" -> 10;
            default -> 15;
        };
    }

    private static boolean monthly(String product) {
        return !product.equals("POKOK");
    }

    /** The due date of a product's instalment {@code k} (from 0) of a loan disbursed on the day. */
    static LocalDate dueDate(String product, LocalDate disbursed, int k) {
        return monthly(product) ? disbursed.plusMonths(1L + k) : disbursed.plusWeeks(2L + 2L * k);
    }

    static LocalDate lastDue(String product, LocalDate disbursed, int instalments) {
        return dueDate(product, disbursed, instalments - 1);
    }

    /** How many instalments have fallen due by the day. */
    static int instalmentsDueBy(String product, LocalDate disbursed, LocalDate day) {
        int due = 0;
        while (!dueDate(product, disbursed, due).isAfter(day)) {
            due++;
        }
        return due;
    }

    /** The events of one planned loan on the timeline. */
    private final class Booking {
        private final SampleData sample;
        private final long coop;
        private final int index;
        private final Plan plan;
        private final Member member;
        private final LoanProduct product;
        private final Map<Integer, Long> loanIds;
        private final Map<LocalDate, List<Booking>> paydays;

        Booking(SampleData sample, long coop, int index, Plan plan, Member member, LoanProduct product, Map<Integer, Long> loanIds,
                Map<LocalDate, List<Booking>> paydays) {
            this.sample = sample;
            this.coop = coop;
            this.index = index;
            this.plan = plan;
            this.member = member;
            this.product = product;
            this.loanIds = loanIds;
            this.paydays = paydays;
        }

        void plan(LocalDate until) {
            sample.on(disbursedOn(), LOAN_EVENTS, this::disburse);
            int paying = plan.behaviour() == Behaviour.REPAYS ? plan.instalments() : plan.paid();
            for (int k = 0; k < paying; k++) {
                payOn(due(firstDue(), k), until);
            }
            if (plan.behaviour() == Behaviour.RESCHEDULED) {
                planReschedule(until);
            }
            if (plan.behaviour() == Behaviour.WRITTEN_OFF) {
                LocalDate writtenOff = sample.date(WRITTEN_OFF_ON);
                LocalDate recovered = sample.date(RECOVERED_ON);
                sample.on(writtenOff, LOAN_EVENTS, () -> writeOff(writtenOff));
                sample.on(recovered, LOAN_EVENTS, () -> as("treasurer", () -> repayments.recover(coop, id(),
                        new Repayment(new BigDecimal("1500000"), recovered, Channel.CASH, "angsuran dari keluarga", key("recovery")))));
            }
        }

        private void planReschedule(LocalDate until) {
            LocalDate on = sample.date(RESCHEDULED_ON);
            sample.on(on, LOAN_EVENTS, () -> as("treasurer", () -> workouts.reschedule(coop, id(),
                    new Reschedule(on, 12, on.plusMonths(1), AllocationOrder.PRINCIPAL_FIRST,
                            "usaha sempat tutup karena banjir", key("reschedule")))));
            for (int k = 0; k < 12; k++) {
                payOn(on.plusMonths(1 + k), until);
            }
        }

        private LocalDate disbursedOn() {
            return sample.date(plan.disbursed());
        }

        /** Paid out (a loan the lending limit or the cash did not allow was not). */
        boolean disbursed() {
            return loanIds.containsKey(index);
        }

        private LocalDate firstDue() {
            return product.frequency() == RepaymentFrequency.MONTHLY ? disbursedOn().plusMonths(1) : disbursedOn().plusWeeks(2);
        }

        private LocalDate due(LocalDate first, int k) {
            return product.frequency() == RepaymentFrequency.MONTHLY ? first.plusMonths(k) : first.plusWeeks(2L * k);
        }

        /**
         * Pays what has fallen due by the date (instalments, penalties), as the borrower does at the meeting: with the
         * day's other repayments, in the day's place of the first loan paying on it.
         */
        private void payOn(LocalDate date, LocalDate until) {
            if (!date.isAfter(until)) {
                paydays.computeIfAbsent(date, d -> {
                    List<Booking> paying = new ArrayList<>();
                    sample.on(d, LOAN_EVENTS, () -> payDay(coop, d, paying));
                    return paying;
                }).add(this);
            }
        }

        /**
         * Applied for, approved and paid out in cash on the day, within the legal lending limit of the day (an
         * override would throw in the day's transaction and undo it: a loan planned above the limit is made smaller)
         * and as far as the cash box and the bank hold the money; else the member does not borrow this time.
         */
        private void disburse() {
            BigDecimal amount = withinLimit(new BigDecimal(plan.amount()));
            if (amount.compareTo(MILLION) < 0 || !cashFor(amount)) {
                return;
            }
            Long account = savings.accounts(coop, member.id()).stream().filter(a -> a.kind() == SavingsKind.VOLUNTARY)
                    .findFirst().map(a -> a.id()).orElse(null);
            Loan applied = as(plan.officer(), () -> loans.apply(coop, new LoanApplication(member.id(), product.id(),
                    amount, plan.instalments(), firstDue(), plan.purpose(), plan.purposeText(), plan.officer(), List.of(), null,
                    account, key("apply"))));
            as("chair", () -> loans.approve(coop, applied.id(), "layak", null));
            as("treasurer", () -> loans.disburse(coop, applied.id(), new Disbursement(disbursedOn(), Channel.CASH, key("disburse"))));
            loanIds.put(index, applied.id());
        }

        /** The planned amount, or what the lending limit leaves of it on the day (whole half millions). */
        private BigDecimal withinLimit(BigDecimal planned) {
            BigDecimal limit = chart.ownCapital(coop).max(BigDecimal.ZERO).multiply(limits.settings(coop).limitPercent())
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
            BigDecimal half = MILLION.divide(BigDecimal.valueOf(2));
            return planned.min(limit.divide(half, 0, RoundingMode.DOWN).multiply(half));
        }

        /**
         * The cash for a payout: what the cash box holds above its float, the rest fetched from the bank (whole
         * millions) — the loans are funded from the members' savings, which the bank holds.
         */
        private boolean cashFor(BigDecimal amount) {
            Account cash = chart.account(coop, LedgerAccountRole.CASH);
            Account bank = chart.account(coop, LedgerAccountRole.BANK);
            BigDecimal inTheBox = cash.debitTotal().subtract(cash.creditTotal());
            BigDecimal short_ = amount.add(CASH_FLOAT).subtract(inTheBox);
            if (short_.signum() <= 0) {
                return true;
            }
            BigDecimal fetched = short_.divide(MILLION, 0, RoundingMode.UP).multiply(MILLION);
            if (fetched.compareTo(bank.debitTotal().subtract(bank.creditTotal())) > 0) {
                return false;
            }
            ledger.post(new PostingRequest(coop, key("cash"), disbursedOn(), "Kas dari bank untuk pencairan pinjaman", "SAMPLE", null,
                    List.of(PostingLine.debit(cash.code(), fetched), PostingLine.credit(bank.code(), fetched)), "treasurer"));
            return true;
        }

        private void writeOff(LocalDate on) {
            as("treasurer", () -> workouts.requestWriteOff(coop, id(), "peminjam merantau, tidak dapat dihubungi"));
            as("chair", () -> workouts.writeOff(coop, id(), on, key("write-off")));
        }

        long id() {
            return Objects.requireNonNull(loanIds.get(index), "the loan was not paid out");
        }

        String key(String what) {
            return "sample-loan-" + index + "-" + what;
        }
    }

    /**
     * Runs the work as one of the sample's staff, so maker and checker differ; with the system's rights and
     * scope (the sample is loaded by Lumbung itself).
     */
    private static <T> T as(String username, Supplier<T> work) {
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
}
