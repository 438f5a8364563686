package org.lumbung.sampledata;

import org.lumbung.members.Member;
import org.lumbung.members.MemberStatus;
import org.lumbung.platform.db.TableStatistics;
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
import java.util.Random;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two years of the sample cooperative's savings, generated from a fixed seed (the same history on every
 * machine) and booked through the savings services in date order: share capital at joining, mandatory
 * savings at each monthly meeting (the first Saturday; some members fall behind), voluntary deposits
 * from remittances and a few withdrawals, a handful of time deposits, and interest on voluntary savings
 * and time deposits posted at every month end.
 */
final class SavingsHistory {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final int EVENTS_PER_TRANSACTION = 250;
    /** Sumarno moved to Surabaya and left the cooperative; member 40 was suspended for missing meetings. */
    private static final int EXITING_MEMBER = 11;
    private static final LocalDate EXIT_ON = LocalDate.of(2026, 8, 1);
    private static final int SUSPENDED_MEMBER = 40;
    private static final LocalDate SUSPENDED_ON = LocalDate.of(2026, 6, 6);

    private final long cooperativeId;
    private final SavingsService savings;
    private final InterestService interest;
    private final ExitService exits;
    private final MemberService registry;
    private final Random random;
    private final TableStatistics statistics;
    private final List<Event> events = new ArrayList<>();
    private final Map<Long, BigDecimal> voluntary = new HashMap<>();
    private final Map<LocalDate, List<Movement>> depositsByDay = new HashMap<>();
    private int keys;

    /** Something that happens on a day; interest runs sort last on their day, after the day's business. */
    /** The order of an interest run among a day's events: the last, and outside the events' transactions. */
    private static final int INTEREST_RUN = 9;

    private record Event(LocalDate date, int order, Consumer<Event> action) {
    }

    SavingsHistory(long cooperativeId, SavingsService savings, InterestService interest, ExitService exits, MemberService members,
                   TableStatistics statistics, long seed) {
        this.exits = exits;
        this.registry = members;
        this.statistics = statistics;
        this.cooperativeId = cooperativeId;
        this.savings = savings;
        this.interest = interest;
        this.random = new Random(seed);
    }

    /** Plans every member's history up to {@code until}, and interest up to {@code interestUntil}. */
    void plan(List<Member> members, List<SavingsProduct> products, LocalDate until, LocalDate interestUntil,
              List<Runnable> generalEntries, List<LocalDate> generalDates) {
        for (Member m : members) {
            if (m.status() == MemberStatus.APPLICANT) {
                continue;
            }
            Map<SavingsKind, SavingsAccount> accounts = new HashMap<>();
            savings.accounts(cooperativeId, m.id()).forEach(a -> accounts.put(a.kind(), a));
            boolean leaves = m.memberNumber() == EXITING_MEMBER;
            planMember(m, accounts, products, leaves ? EXIT_ON.minusDays(1) : until);
            if (leaves) {
                events.add(new Event(EXIT_ON, 5, e -> exits.settle(cooperativeId, m.id(), EXIT_ON,
                        "pindah domisili ke Surabaya", key())));
            }
            if (m.memberNumber() == SUSPENDED_MEMBER) {
                events.add(new Event(SUSPENDED_ON, 5, e -> registry.changeStatus(cooperativeId, m.id(), MemberStatus.SUSPENDED,
                        SUSPENDED_ON, "tidak hadir rapat anggota dan menunggak simpanan wajib")));
            }
        }
        for (int i = 0; i < generalEntries.size(); i++) {
            Runnable entry = generalEntries.get(i);
            events.add(new Event(generalDates.get(i), 1, e -> entry.run()));
        }
        LocalDate first = members.stream().map(Member::joinedOn).min(Comparator.naturalOrder()).orElse(until);
        for (YearMonth month = YearMonth.from(first); !month.atEndOfMonth().isAfter(interestUntil); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            for (SavingsProduct p : products) {
                if (p.interestRate().signum() > 0) {
                    events.add(new Event(end, INTEREST_RUN, e -> interest.post(cooperativeId, p.id(), end)));
                }
            }
        }
    }

    private void planMember(Member m, Map<SavingsKind, SavingsAccount> accounts, List<SavingsProduct> products, LocalDate until) {
        SavingsProduct share = product(products, SavingsKind.SHARE);
        SavingsProduct mandatory = product(products, SavingsKind.MANDATORY);
        deposit(m.joinedOn(), accounts.get(SavingsKind.SHARE), share.fixedAmount());
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
                deposit(meeting, accounts.get(SavingsKind.MANDATORY), mandatory.mandatoryAmount());
            }
        }
        SavingsAccount sukarela = accounts.get(SavingsKind.VOLUNTARY);
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
        if (random.nextDouble() < 0.08 && m.joinedOn().isBefore(LocalDate.of(2025, 9, 1))) {
            LocalDate opened = m.joinedOn().plusMonths(2);
            BigDecimal principal = thousands(2_000, 20_000, 1_000);
            SavingsProduct timeDeposit = product(products, SavingsKind.TIME_DEPOSIT);
            events.add(new Event(opened, 2, e -> savings.openTimeDeposit(cooperativeId,
                    new NewTimeDeposit(m.id(), timeDeposit.id(), principal, opened, null, key()))));
        }
    }

    /** Deposits of one day are booked together, as a treasurer books a meeting's collection. */
    private void deposit(LocalDate date, SavingsAccount account, BigDecimal amount) {
        List<Movement> day = depositsByDay.computeIfAbsent(date, d -> {
            List<Movement> movements = new ArrayList<>();
            events.add(new Event(d, 0, e -> depositAll(movements)));
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
        events.add(new Event(date, 3, e -> {
            BigDecimal available = voluntary.getOrDefault(account.id(), BigDecimal.ZERO)
                    .subtract(account.product().minimumBalance());
            BigDecimal amount = available.divide(BigDecimal.valueOf(2)).divideToIntegralValue(THOUSAND.multiply(BigDecimal.valueOf(50)))
                    .multiply(THOUSAND.multiply(BigDecimal.valueOf(50)));
            if (amount.signum() > 0) {
                savings.withdraw(cooperativeId, new Movement(account.id(), amount, date, "biaya sekolah", key()));
                voluntary.merge(account.id(), amount.negate(), BigDecimal::add);
            }
        }));
    }

    /**
     * Books everything planned, in date order, a few hundred events per transaction. One transaction for
     * all of it would update the cash account's row thousands of times, and PostgreSQL cannot prune the
     * old row versions before the commit: every posting would walk a longer chain than the one before.
     * The planner's statistics are refreshed as the tables grow (see {@link TableStatistics}).
     */
    void book(TransactionTemplate transaction) {
        events.sort(Comparator.comparing(Event::date).thenComparingInt(Event::order));
        List<Event> chunk = new java.util.ArrayList<>();
        for (Event e : events) {
            if (e.order() == INTEREST_RUN) {
                inTransaction(transaction, chunk);
                e.action().accept(e); // a bulk job of the ledger: it commits its own chunks
            } else {
                chunk.add(e);
                if (chunk.size() == EVENTS_PER_TRANSACTION) {
                    inTransaction(transaction, chunk);
                }
            }
        }
        inTransaction(transaction, chunk);
    }

    private void inTransaction(TransactionTemplate transaction, List<Event> chunk) {
        if (!chunk.isEmpty()) {
            transaction.executeWithoutResult(status -> {
                statistics.refresh();
                chunk.forEach(e -> e.action().accept(e));
            });
            chunk.clear();
        }
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
