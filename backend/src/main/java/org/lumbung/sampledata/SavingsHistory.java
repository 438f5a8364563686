package org.lumbung.sampledata;

import org.lumbung.members.Member;
import org.lumbung.members.MemberStatus;
import org.lumbung.savings.ExitService;
import org.lumbung.savings.InterestService;
import org.lumbung.members.MemberService;
import org.lumbung.savings.Movement;
import org.lumbung.savings.NewTimeDeposit;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsService;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Two years of the sample cooperative's savings, generated from a fixed seed (the same history on every
 * machine) and put on the sample's timeline, booked through the savings services in date order: share capital at joining, mandatory
 * savings at each monthly meeting (the first Saturday; some members fall behind), voluntary deposits
 * from remittances and a few withdrawals, a handful of time deposits, and interest on voluntary savings
 * and time deposits posted at every month end.
 */
final class SavingsHistory {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    /** The order of the day's events (see {@link SampleData#on}). */
    private static final int DEPOSITS = 0;
    private static final int TIME_DEPOSITS = 2;
    private static final int WITHDRAWALS = 3;
    private static final int STATUS_CHANGES = 5;
    private static final int INTEREST_RUNS = 9;
    /** Sumarno moved to Surabaya and left the cooperative; member 40 was suspended for missing meetings. */
    private static final int EXITING_MEMBER = 11;
    private static final LocalDate EXIT_ON_WRITTEN = LocalDate.of(2026, 8, 1);
    private static final int SUSPENDED_MEMBER = 40;
    private static final LocalDate SUSPENDED_ON_WRITTEN = LocalDate.of(2026, 6, 6);
    /** Members who come to the office on the sample's last day, so that today has movements too. */
    private static final int TODAYS_VISITORS = 6;

    private final SampleData sample;
    private final long cooperativeId;
    private final SavingsService savings;
    private final InterestService interest;
    private final ExitService exits;
    private final MemberService registry;
    private final Random random;
    private final Map<Long, BigDecimal> voluntary = new HashMap<>();
    private final Map<LocalDate, List<Movement>> depositsByDay = new HashMap<>();
    private int keys;

    SavingsHistory(SampleData sample, SavingsService savings, InterestService interest, ExitService exits, MemberService members,
                   long seed) {
        this.sample = sample;
        this.exits = exits;
        this.registry = members;
        this.cooperativeId = sample.cooperative().id();
        this.savings = savings;
        this.interest = interest;
        this.random = new Random(seed);
    }

    /** Plans every member's history up to {@code until}, and interest up to {@code interestUntil}. */
    void plan(List<Member> members, List<SavingsProduct> products, LocalDate until, LocalDate interestUntil) {
        LocalDate exitOn = sample.date(EXIT_ON_WRITTEN);
        LocalDate suspendedOn = sample.date(SUSPENDED_ON_WRITTEN);
        List<SavingsAccount> visitors = new ArrayList<>();
        for (Member m : members) {
            if (m.status() == MemberStatus.APPLICANT) {
                continue;
            }
            Map<SavingsKind, SavingsAccount> accounts = new HashMap<>();
            savings.accounts(cooperativeId, m.id()).forEach(a -> accounts.put(a.kind(), a));
            boolean leaves = m.memberNumber() == EXITING_MEMBER;
            planMember(m, accounts, products, leaves ? exitOn.minusDays(1) : until);
            if (leaves) {
                sample.on(exitOn, STATUS_CHANGES, () -> exits.settle(cooperativeId, m.id(), exitOn,
                        "pindah domisili ke Surabaya", key()));
            } else if (visitors.size() < TODAYS_VISITORS && m.memberNumber() % 7 == 3) {
                visitors.add(accounts.get(SavingsKind.VOLUNTARY));
            }
            if (m.memberNumber() == SUSPENDED_MEMBER) {
                sample.on(suspendedOn, STATUS_CHANGES, () -> registry.changeStatus(cooperativeId, m.id(), MemberStatus.SUSPENDED,
                        suspendedOn, "tidak hadir rapat anggota dan menunggak simpanan wajib"));
            }
        }
        // the office is open today: a few remittances come in, so the timeline ends on the day of the first start
        visitors.forEach(account -> deposit(until, account, thousands(200, 2_000, 50)));
        LocalDate first = members.stream().map(Member::joinedOn).min(Comparator.naturalOrder()).orElse(until);
        for (YearMonth month = YearMonth.from(first); !month.atEndOfMonth().isAfter(interestUntil); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            for (SavingsProduct p : products) {
                if (p.interestRate().signum() > 0) {
                    // a bulk job of the ledger: it commits its own chunks, so it runs outside the timeline's transactions
                    sample.onItsOwn(end, INTEREST_RUNS, () -> interest.post(cooperativeId, p.id(), end));
                }
            }
        }
    }

    private void planMember(Member m, Map<SavingsKind, SavingsAccount> accounts, List<SavingsProduct> products, LocalDate until) {
        SavingsProduct share = product(products, SavingsKind.SHARE);
        SavingsProduct mandatory = product(products, SavingsKind.MANDATORY);
        deposit(m.joinedOn(), Objects.requireNonNull(accounts.get(SavingsKind.SHARE)),
                Objects.requireNonNull(share.fixedAmount()));
        // most pay every month; some fall behind lately, a few skip often
        double behaviour = random.nextDouble();
        YearMonth lastPaid = YearMonth.from(until).minusMonths(behaviour < 0.80 ? 0 : behaviour < 0.92 ? 1 + random.nextInt(3) : 0);
        double skipRate = behaviour >= 0.92 ? 0.3 : 0.0;
        for (YearMonth month = YearMonth.from(m.joinedOn()); !month.isAfter(lastPaid); month = month.plusMonths(1)) {
            LocalDate meeting = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SATURDAY));
            if (meeting.isBefore(m.joinedOn())) {
                meeting = m.joinedOn();
            }
            if (!meeting.isAfter(until) && random.nextDouble() >= skipRate) {
                deposit(meeting, Objects.requireNonNull(accounts.get(SavingsKind.MANDATORY)),
                        Objects.requireNonNull(mandatory.mandatoryAmount()));
            }
        }
        SavingsAccount sukarela = Objects.requireNonNull(accounts.get(SavingsKind.VOLUNTARY));
        if (random.nextDouble() < 0.6) {
            deposit(m.joinedOn(), sukarela, thousands(500, 5_000, 50));
        }
        for (LocalDate day = m.joinedOn().plusDays(14); day.isBefore(until); day = day.plusDays(30)) {
            double r = random.nextDouble();
            if (r < 0.15) {
                deposit(day, sukarela, thousands(100, 1_500, 50));
            } else if (r < 0.20) {
                withdrawSome(day, sukarela);
            }
        }
        if (random.nextDouble() < 0.08 && m.joinedOn().isBefore(sample.date(LocalDate.of(2025, 9, 1)))) {
            LocalDate opened = m.joinedOn().plusMonths(2);
            BigDecimal principal = thousands(2_000, 20_000, 1_000);
            SavingsProduct timeDeposit = product(products, SavingsKind.TIME_DEPOSIT);
            sample.on(opened, TIME_DEPOSITS, () -> savings.openTimeDeposit(cooperativeId,
                    new NewTimeDeposit(m.id(), timeDeposit.id(), principal, opened, null, key())));
        }
    }

    /** Deposits of one day are booked together, as a treasurer books a meeting's collection. */
    private void deposit(LocalDate date, SavingsAccount account, BigDecimal amount) {
        List<Movement> day = depositsByDay.computeIfAbsent(date, d -> {
            List<Movement> movements = new ArrayList<>();
            sample.on(d, DEPOSITS, () -> depositAll(movements));
            return movements;
        });
        day.add(new Movement(account.id(), amount, date, null, key()));
    }

    private void depositAll(List<Movement> movements) {
        for (int from = 0; from < movements.size(); from += SavingsService.MAX_BATCH) {
            savings.depositAll(cooperativeId, movements.subList(from, Math.min(movements.size(), from + SavingsService.MAX_BATCH)));
        }
        movements.forEach(m -> voluntary.merge(m.accountId(), m.amount(), BigDecimal::add));
    }

    /** Up to half of what is above the minimum: school fees, a harvest, a wedding. */
    private void withdrawSome(LocalDate date, SavingsAccount account) {
        sample.on(date, WITHDRAWALS, () -> {
            BigDecimal available = voluntary.getOrDefault(account.id(), BigDecimal.ZERO)
                    .subtract(account.product().minimumBalance());
            BigDecimal amount = available.divide(BigDecimal.valueOf(2)).divideToIntegralValue(THOUSAND.multiply(BigDecimal.valueOf(50)))
                    .multiply(THOUSAND.multiply(BigDecimal.valueOf(50)));
            if (amount.signum() > 0) {
                savings.withdraw(cooperativeId, new Movement(account.id(), amount, date, "biaya sekolah", key()));
                voluntary.merge(account.id(), amount.negate(), BigDecimal::add);
            }
        });
    }

    private BigDecimal thousands(int fromThousands, int toThousands, int stepThousands) {
        int steps = (toThousands - fromThousands) / stepThousands;
        return BigDecimal.valueOf((long) (fromThousands + stepThousands * random.nextInt(steps + 1)) * 1_000);
    }

    private String key() {
        return "sample-savings-" + (++keys);
    }

    private static SavingsProduct product(List<SavingsProduct> products, SavingsKind kind) {
        return products.stream().filter(p -> p.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("the sample cooperative has no " + kind + " product"));
    }
}
