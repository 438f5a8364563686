package org.lumbung.savings;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.fx.DatedRate;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.ForeignCurrencyAccounts;
import org.lumbung.ledger.BulkJob;
import org.lumbung.ledger.BulkPosting;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.GuardedPosting;
import org.lumbung.ledger.JobProgress;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.AccessPolicy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;
import static org.lumbung.db.jooq.Tables.SAVINGS_INTEREST_RUN;
import static org.lumbung.db.jooq.Tables.SAVINGS_TRANSACTION;

/**
 * Interest on savings (jasa simpanan), posted once per product and period as a bulk job: every account's
 * interest is its own journal entry (debit 5200 Beban Jasa Simpanan, credit the member's account, value
 * date the period's last day; a foreign-currency product through the currency's position, see
 * {@link ForeignInterest}) with its own receipt. The run is recorded under a UNIQUE (product, period
 * end): a second run of the same period answers the first, it never books twice.
 */
@Service
@PreAuthorize("@access.may('READ_SAVINGS')")
public class InterestService {

    /** Fifty years of monthly periods: an account older than that is not closed with one query's interest. */
    static final int MAX_CLOSING_PERIODS = 600;

    private final DSLContext dsl;
    private final SavingsProducts products;
    private final BulkPosting bulk;
    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final Clock clock;
    private final ChartOfAccounts chart;
    private final ExchangeRateService rates;
    private final ForeignCurrencyAccounts foreignAccounts;
    private final LedgerService ledger;

    public InterestService(DSLContext dsl, SavingsProducts products, BulkPosting bulk, CooperativeService cooperatives,
                           AccessPolicy access, Clock clock, ChartOfAccounts chart, ExchangeRateService rates,
                           ForeignCurrencyAccounts foreignAccounts, LedgerService ledger) {
        this.ledger = ledger;
        this.rates = rates;
        this.foreignAccounts = foreignAccounts;
        this.chart = chart;
        this.dsl = dsl;
        this.products = products;
        this.bulk = bulk;
        this.cooperatives = cooperatives;
        this.access = access;
        this.clock = clock;
    }

    /** What the run would post (or, for a period already posted, what it posted). */
    public InterestRun preview(long cooperativeId, long productId, LocalDate periodEnd) {
        SavingsProduct product = checkedProduct(cooperativeId, productId, periodEnd);
        LocalDate start = product.interestPosting().periodStart(periodEnd);
        if (posted(productId, periodEnd)) {
            return postedRun(cooperativeId, product, start, periodEnd);
        }
        List<InterestLine> lines = compute(cooperativeId, product, start, periodEnd, Long.MAX_VALUE);
        return new InterestRun(productId, start, periodEnd, lines, total(lines, product.currency()), false, false);
    }

    /**
     * Posts the run as a bulk job of the ledger: chunks of entries committed one by one (tellers keep
     * posting meanwhile), resumable after a crash by running it again, each account's interest booked
     * once (its key names product, period and account). The run's record is written when the job is done.
     */
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public InterestRun post(long cooperativeId, long productId, LocalDate periodEnd) {
        SavingsProduct product = checkedProduct(cooperativeId, productId, periodEnd);
        LocalDate start = product.interestPosting().periodStart(periodEnd);
        if (posted(productId, periodEnd)) {
            return postedRun(cooperativeId, product, start, periodEnd);
        }
        String actor = access.currentUser().map(u -> u.username()).orElse("system");
        ForeignInterest foreign = foreignInterest(cooperativeId, product, periodEnd);
        bulk.run(new BulkJob(cooperativeId, runFamily(productId) + ":" + periodEnd, "INTEREST",
                BulkJob.Mode.ALL_OR_NOTHING, BulkJob.DEFAULT_CHUNK), new RunSource(cooperativeId, product, start, periodEnd, actor,
                foreign));
        InterestRun run = postedRun(cooperativeId, product, start, periodEnd);
        dsl.insertInto(SAVINGS_INTEREST_RUN)
                .set(SAVINGS_INTEREST_RUN.COOPERATIVE_ID, cooperativeId)
                .set(SAVINGS_INTEREST_RUN.PRODUCT_ID, productId)
                .set(SAVINGS_INTEREST_RUN.PERIOD_START, start)
                .set(SAVINGS_INTEREST_RUN.PERIOD_END, periodEnd)
                .set(SAVINGS_INTEREST_RUN.ACCOUNTS, run.lines().size())
                .set(SAVINGS_INTEREST_RUN.TOTAL, run.total())
                .set(SAVINGS_INTEREST_RUN.POSTED_BY, actor)
                .onConflictDoNothing()
                .execute();
        return new InterestRun(productId, start, periodEnd, run.lines(), run.total(), true, false);
    }

    /**
     * The interest an account has earned and not been paid when it closes on {@code closingOn}. A run pays only the
     * accounts open when it runs, so a time deposit paid out or a member who leaves before the period's run would lose
     * the interest of every period no run has paid yet. For each such period since the account opened, this is what
     * the run would have paid had the account stayed in it, emptied on the day it closes; rounded period by period, as
     * the runs round, and credited on the period's last day as a run credits it, so the periods after earn on it too. A period a run paid the account for is left out; a run leaves out an account whose interest
     * rounds to zero, and the same balances give the same zero here.
     */
    BigDecimal earnedUntilClosing(long cooperativeId, SavingsAccount account, LocalDate closingOn) {
        SavingsProduct product = account.product();
        BigDecimal earned = Amounts.round(BigDecimal.ZERO, product.currency());
        if (product.interestMethod() == InterestMethod.NONE || product.interestRate().signum() == 0
                || !closingOn.isAfter(account.openedOn())) {
            return earned;
        }
        // a run reads its accounts once, when it starts: an unfinished one would pay this account again after it closed
        DomainException.require(!bulk.unfinished(cooperativeId, runFamily(product.id())), "savings.interest.run-unfinished",
                product.code());
        NavigableMap<LocalDate, BigDecimal> changes = balanceChangesBefore(cooperativeId, account.id(), closingOn);
        BigDecimal balance = changes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        changes.merge(closingOn, balance.negate(), BigDecimal::add);
        Set<LocalDate> paid = paidPeriodEnds(account.id());
        InterestPosting posting = product.interestPosting();
        LocalDate end = posting.periodEndOf(account.openedOn());
        BigDecimal opening = changes.headMap(posting.periodStart(end), false).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int periods = 0; posting.periodStart(end).isBefore(closingOn); end = posting.nextPeriodEnd(end), periods++) {
            DomainException.require(periods < MAX_CLOSING_PERIODS, "savings.interest.closing-periods", MAX_CLOSING_PERIODS);
            LocalDate start = posting.periodStart(end);
            NavigableMap<LocalDate, BigDecimal> within = new TreeMap<>(changes.subMap(start, true, end, true));
            if (!closingOn.isAfter(end)) {
                within.merge(closingOn, earned.negate(), BigDecimal::add); // emptied of the unpaid interest too
            }
            BigDecimal periodInterest = paid.contains(end) ? BigDecimal.ZERO : InterestCalculator.interest(product.interestMethod(),
                    product.interestRate(), start, end, opening, within, product.currency());
            earned = earned.add(periodInterest);
            // a run would have credited it on the period's last day: the periods after it earn on it too
            opening = opening.add(within.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).add(periodInterest);
        }
        if (earned.signum() > 0) {
            foreignInterest(cooperativeId, product, closingOn); // in another currency: refused here without the day's rate
        }
        return earned;
    }

    /**
     * Books {@link #earnedUntilClosing} as the account's last interest, value date the closing day, in the caller's
     * transaction (the payout or exit that closes the account). Its key names the account: an account closes once.
     */
    BigDecimal payUntilClosing(long cooperativeId, SavingsAccount account, LocalDate closingOn) {
        BigDecimal earned = earnedUntilClosing(cooperativeId, account, closingOn);
        if (earned.signum() == 0) {
            return earned;
        }
        SavingsProduct product = account.product();
        String actor = access.currentUser().map(u -> u.username()).orElse("system");
        String interestExpense = chart.code(cooperativeId, SavingsAccountRole.SAVINGS_INTEREST_EXPENSE);
        ForeignInterest foreign = foreignInterest(cooperativeId, product, closingOn);
        InterestLine line = new InterestLine(account.id(), account.number(), account.memberId(), earned);
        String key = "interest:closing:%d".formatted(account.id());
        PostingResult posted = ledger.post(new PostingRequest(cooperativeId, key, closingOn,
                "INTEREST %s %s ..%s".formatted(product.code(), account.number(), closingOn), "SAVINGS", account.number(),
                foreign == null ? List.of(PostingLine.debit(interestExpense, earned), PostingLine.credit(account.number(), earned))
                        : foreign.lines(interestExpense, line), actor));
        if (!posted.replayed()) {
            SavingsRows.record(dsl, cooperativeId, TransactionKind.INTEREST, List.of(account), null,
                    List.of(new Movement(account.id(), earned, closingOn, null, key)), List.of(posted), actor);
        }
        return earned;
    }

    /** The product's interest runs, as jobs of the ledger: "interest:12:2026-01-31" is of family "interest:12". */
    private static String runFamily(long productId) {
        return "interest:" + productId;
    }

    /** The account's net change per value date before {@code day}, oldest first. */
    private NavigableMap<LocalDate, BigDecimal> balanceChangesBefore(long cooperativeId, long accountId, LocalDate day) {
        var signed = DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("C"), JOURNAL_LINE.AMOUNT).otherwise(JOURNAL_LINE.AMOUNT.neg()));
        NavigableMap<LocalDate, BigDecimal> changes = new TreeMap<>();
        dsl.select(JOURNAL_LINE.VALUE_DATE, signed).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId)
                        .and(JOURNAL_LINE.ACCOUNT_ID.eq(DSL.select(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID).from(SAVINGS_ACCOUNT)
                                .where(SAVINGS_ACCOUNT.ID.eq(accountId))))
                        .and(JOURNAL_LINE.VALUE_DATE.lt(day)))
                .groupBy(JOURNAL_LINE.VALUE_DATE)
                .forEach(r -> changes.put(r.value1(), r.value2()));
        return changes;
    }

    /**
     * The period ends a run paid this account for. A run posted for a period the account was back-dated into after the
     * run did not pay it, so the account's own interest says which periods are paid, not the runs' records.
     */
    private Set<LocalDate> paidPeriodEnds(long accountId) {
        return new HashSet<>(dsl.select(SAVINGS_TRANSACTION.VALUE_DATE).from(SAVINGS_TRANSACTION)
                .where(SAVINGS_TRANSACTION.ACCOUNT_ID.eq(accountId).and(SAVINGS_TRANSACTION.KIND.eq(TransactionKind.INTEREST.name())))
                .fetch(SAVINGS_TRANSACTION.VALUE_DATE));
    }

    /** The run's entries (balances as of the job's start, keys ascending) and its receipts, chunk by chunk. */
    private final class RunSource implements BulkJob.Source {
        private final long cooperativeId;
        private final SavingsProduct product;
        private final LocalDate start;
        private final LocalDate end;
        private final String actor;
        private final @Nullable ForeignInterest foreign;
        private final Map<String, InterestLine> byKey = new HashMap<>();

        RunSource(long cooperativeId, SavingsProduct product, LocalDate start, LocalDate end, String actor,
                  @Nullable ForeignInterest foreign) {
            this.foreign = foreign;
            this.cooperativeId = cooperativeId;
            this.product = product;
            this.start = start;
            this.end = end;
            this.actor = actor;
        }

        @Override
        public List<GuardedPosting> entries(JobProgress job) {
            List<GuardedPosting> entries = new ArrayList<>();
            String interestExpense = chart.code(cooperativeId, SavingsAccountRole.SAVINGS_INTEREST_EXPENSE);
            for (InterestLine line : compute(cooperativeId, product, start, end, job.asOfEntryId())) {
                String key = "interest:%d:%s:%d".formatted(product.id(), end, line.accountId());
                byKey.put(key, line);
                entries.add(GuardedPosting.of(new PostingRequest(cooperativeId, key, end,
                        "INTEREST %s %s %s..%s".formatted(product.code(), line.accountNumber(), start, end),
                        "SAVINGS", line.accountNumber(), foreign == null ? List.of(PostingLine.debit(interestExpense, line.interest()),
                        PostingLine.credit(line.accountNumber(), line.interest())) : foreign.lines(interestExpense, line), actor)));
            }
            entries.sort(Comparator.comparing(g -> g.request().idempotencyKey()));
            return entries;
        }

        @Override
        public void booked(DSLContext tx, List<PostingResult> booked) {
            if (booked.isEmpty()) {
                return;
            }
            List<InterestLine> lines = booked.stream().map(r -> byKey.get(r.entry().idempotencyKey())).toList();
            Map<Long, SavingsAccount> byId = SavingsRows.accounts(tx)
                    .where(SAVINGS_ACCOUNT.ID.in(lines.stream().map(InterestLine::accountId).toList()))
                    .fetchMap(SAVINGS_ACCOUNT.ID, SavingsRows::toAccount);
            List<Movement> movements = booked.stream().map(r -> {
                InterestLine line = Objects.requireNonNull(byKey.get(r.entry().idempotencyKey()));
                return new Movement(line.accountId(), line.interest(), end, null, r.entry().idempotencyKey());
            }).toList();
            SavingsRows.record(tx, cooperativeId, TransactionKind.INTEREST, lines.stream().map(l -> byId.get(l.accountId())).toList(),
                    null, movements, booked, actor);
        }
    }

    /**
     * Interest on savings in a foreign currency (MYR savings) is an expense of the cooperative in its own currency, at the
     * rate of the period's last day, and ringgit it now owes the member: the ringgit go against the MYR position
     * (1900.MYR) and their rupiah value against its cost (1910.MYR), so each currency balances on its own, the expense
     * stands in rupiah beside the rupiah interest (5200), and the position carries the new liability at that rate:
     * <pre>
     *   Dr 5200      interest × rate IDR     Cr 1910.MYR  interest × rate IDR
     *   Dr 1900.MYR  interest MYR            Cr 2150.MYR.00042  interest MYR
     * </pre>
     * The month-end revaluation values it like the rest of the position afterwards. Without a rate on or before the
     * period's end the run is refused with its own message.
     */
    private record ForeignInterest(BigDecimal rate, String baseCurrency, String position, String positionCost) {

        List<PostingLine> lines(String interestExpense, InterestLine line) {
            BigDecimal value = Amounts.round(line.interest().multiply(rate), baseCurrency);
            List<PostingLine> lines = new ArrayList<>(List.of(PostingLine.debit(position, line.interest()),
                    PostingLine.credit(line.accountNumber(), line.interest())));
            if (value.signum() > 0) {
                lines.add(PostingLine.debit(interestExpense, value));
                lines.add(PostingLine.credit(positionCost, value));
            }
            return lines;
        }
    }

    private @Nullable ForeignInterest foreignInterest(long cooperativeId, SavingsProduct product, LocalDate periodEnd) {
        String base = cooperatives.byId(cooperativeId).baseCurrency();
        if (product.currency().equals(base)) {
            return null;
        }
        DatedRate rate = rates.rateOn(cooperativeId, product.currency(), periodEnd)
                .orElseThrow(() -> DomainException.notFound("savings.interest.no-rate", product.currency(), periodEnd));
        return new ForeignInterest(rate.rate(), base, foreignAccounts.position(cooperativeId, product.currency()).code(),
                foreignAccounts.positionCost(cooperativeId, product.currency()).code());
    }

    private SavingsProduct checkedProduct(long cooperativeId, long productId, LocalDate periodEnd) {
        SavingsProduct product = products.product(cooperativeId, productId);
        DomainException.require(product.interestMethod() != InterestMethod.NONE, "savings.interest.none", product.code());
        DomainException.require(periodEnd != null && product.interestPosting().isPeriodEnd(periodEnd),
                "savings.interest.period-end." + product.interestPosting().name(), periodEnd);
        DomainException.require(periodEnd.isBefore(cooperatives.byId(cooperativeId).today(clock)),
                "savings.interest.period-open", periodEnd);
        return product;
    }

    private boolean posted(long productId, LocalDate periodEnd) {
        return dsl.fetchExists(SAVINGS_INTEREST_RUN, SAVINGS_INTEREST_RUN.PRODUCT_ID.eq(productId)
                .and(SAVINGS_INTEREST_RUN.PERIOD_END.eq(periodEnd)));
    }

    private InterestRun postedRun(long cooperativeId, SavingsProduct product, LocalDate start, LocalDate periodEnd) {
        // the run's own entries: an account closed on the period's last day has its closing interest dated that day too
        List<InterestLine> lines = SavingsRows.transactions(dsl)
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(SAVINGS_TRANSACTION.JOURNAL_ENTRY_ID))
                .where(SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_TRANSACTION.KIND.eq(TransactionKind.INTEREST.name()))
                        .and(SAVINGS_TRANSACTION.VALUE_DATE.eq(periodEnd))
                        .and(SAVINGS_ACCOUNT.PRODUCT_ID.eq(product.id()))
                        .and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.startsWith(runFamily(product.id()) + ":" + periodEnd + ":")))
                .orderBy(SAVINGS_ACCOUNT.NUMBER)
                .fetch(r -> {
                    SavingsTransaction t = SavingsRows.toTransaction(r);
                    return new InterestLine(t.accountId(), t.accountNumber(), t.memberId(), t.amount());
                });
        return new InterestRun(product.id(), start, periodEnd, lines, total(lines, product.currency()), true, true);
    }

    /**
     * Every account of the product open during the period, from its ledger lines up to entry {@code asOfEntryId}
     * (a resumed run must compute what the first one did, not count the interest it already posted):
     * two queries in all.
     */
    private List<InterestLine> compute(long cooperativeId, SavingsProduct product, LocalDate start, LocalDate end,
                                       long asOfEntryId) {
        List<? extends Record> accounts = dsl.select(SAVINGS_ACCOUNT.ID, SAVINGS_ACCOUNT.NUMBER, SAVINGS_ACCOUNT.MEMBER_ID,
                        SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID)
                .from(SAVINGS_ACCOUNT)
                .where(SAVINGS_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(SAVINGS_ACCOUNT.PRODUCT_ID.eq(product.id()))
                        .and(SAVINGS_ACCOUNT.STATUS.eq("ACTIVE")).and(SAVINGS_ACCOUNT.OPENED_ON.le(end)))
                .orderBy(SAVINGS_ACCOUNT.NUMBER)
                .fetch();
        var signed = DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("C"), JOURNAL_LINE.AMOUNT).otherwise(JOURNAL_LINE.AMOUNT.neg()));
        var ledgerAccounts = DSL.select(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID).from(SAVINGS_ACCOUNT)
                .where(SAVINGS_ACCOUNT.PRODUCT_ID.eq(product.id()).and(SAVINGS_ACCOUNT.STATUS.eq("ACTIVE")));
        Map<Long, BigDecimal> opening = new HashMap<>();
        dsl.select(JOURNAL_LINE.ACCOUNT_ID, signed).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_LINE.ACCOUNT_ID.in(ledgerAccounts))
                        .and(JOURNAL_LINE.VALUE_DATE.lt(start)).and(JOURNAL_LINE.ENTRY_ID.le(asOfEntryId)))
                .groupBy(JOURNAL_LINE.ACCOUNT_ID)
                .forEach(r -> opening.put(r.value1(), r.value2()));
        Map<Long, NavigableMap<LocalDate, BigDecimal>> changes = new HashMap<>();
        dsl.select(JOURNAL_LINE.ACCOUNT_ID, JOURNAL_LINE.VALUE_DATE, signed).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_LINE.ACCOUNT_ID.in(ledgerAccounts))
                        .and(JOURNAL_LINE.VALUE_DATE.between(start, end)).and(JOURNAL_LINE.ENTRY_ID.le(asOfEntryId)))
                .groupBy(JOURNAL_LINE.ACCOUNT_ID, JOURNAL_LINE.VALUE_DATE)
                .forEach(r -> changes.computeIfAbsent(r.value1(), k -> new TreeMap<>()).put(r.value2(), r.value3()));
        List<InterestLine> lines = new ArrayList<>();
        for (Record a : accounts) {
            long ledgerAccount = a.get(SAVINGS_ACCOUNT.LEDGER_ACCOUNT_ID);
            BigDecimal interest = InterestCalculator.interest(product.interestMethod(), product.interestRate(), start, end,
                    opening.getOrDefault(ledgerAccount, BigDecimal.ZERO), changes.getOrDefault(ledgerAccount, new TreeMap<>()),
                    product.currency());
            if (interest.signum() > 0) {
                lines.add(new InterestLine(a.get(SAVINGS_ACCOUNT.ID), a.get(SAVINGS_ACCOUNT.NUMBER),
                        a.get(SAVINGS_ACCOUNT.MEMBER_ID), interest));
            }
        }
        return lines;
    }

    private static BigDecimal total(List<InterestLine> lines, String currency) {
        return Amounts.round(lines.stream().map(InterestLine::interest).reduce(BigDecimal.ZERO, BigDecimal::add), currency);
    }
}
