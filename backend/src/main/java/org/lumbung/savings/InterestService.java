package org.lumbung.savings;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.AccessPolicy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;
import static org.lumbung.db.jooq.Tables.SAVINGS_INTEREST_RUN;
import static org.lumbung.db.jooq.Tables.SAVINGS_TRANSACTION;

/**
 * Interest on savings (jasa simpanan), posted once per product and period as one batch: every account's
 * interest is its own journal entry (debit 5200 Beban Jasa Simpanan, credit the member's account, value
 * date the period's last day) with its own receipt. The run is recorded under a UNIQUE (product, period
 * end): a second run of the same period answers the first, it never books twice.
 */
@Service
@PreAuthorize("@access.may('READ_SAVINGS')")
public class InterestService {

    private static final int CHUNK = 500;

    private final DSLContext dsl;
    private final SavingsProducts products;
    private final LedgerService ledger;
    private final CooperativeService cooperatives;
    private final AccessPolicy access;
    private final Clock clock;
    private final ChartOfAccounts chart;

    public InterestService(DSLContext dsl, SavingsProducts products, LedgerService ledger, CooperativeService cooperatives,
                           AccessPolicy access, Clock clock, ChartOfAccounts chart) {
        this.chart = chart;
        this.dsl = dsl;
        this.products = products;
        this.ledger = ledger;
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
        List<InterestLine> lines = compute(cooperativeId, product, start, periodEnd);
        return new InterestRun(productId, start, periodEnd, lines, total(lines, product.currency()), false, false);
    }

    @Transactional
    @PreAuthorize("@access.may('RECORD_SAVINGS')")
    public InterestRun post(long cooperativeId, long productId, LocalDate periodEnd) {
        SavingsProduct product = checkedProduct(cooperativeId, productId, periodEnd);
        LocalDate start = product.interestPosting().periodStart(periodEnd);
        // one run per product at a time: the second waits, then finds the first one's run
        dsl.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(3), DSL.val((int) productId))).fetch();
        if (posted(productId, periodEnd)) {
            return postedRun(cooperativeId, product, start, periodEnd);
        }
        List<InterestLine> lines = compute(cooperativeId, product, start, periodEnd);
        String actor = access.currentUser().map(u -> u.username()).orElse("system");
        String interestExpense = chart.code(cooperativeId, SavingsAccountRole.SAVINGS_INTEREST_EXPENSE);
        for (int from = 0; from < lines.size(); from += CHUNK) {
            List<InterestLine> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
            List<PostingRequest> requests = new ArrayList<>(chunk.size());
            List<Movement> movements = new ArrayList<>(chunk.size());
            for (InterestLine line : chunk) {
                String key = "interest:%d:%s:%d".formatted(productId, periodEnd, line.accountId());
                movements.add(new Movement(line.accountId(), line.interest(), periodEnd, null, key));
                requests.add(new PostingRequest(cooperativeId, key, periodEnd,
                        "INTEREST %s %s %s..%s".formatted(product.code(), line.accountNumber(), start, periodEnd),
                        "SAVINGS", line.accountNumber(), List.of(PostingLine.debit(interestExpense, line.interest()),
                        PostingLine.credit(line.accountNumber(), line.interest())), actor));
            }
            List<PostingResult> results = ledger.postBatch(requests);
            Map<Long, SavingsAccount> byId = SavingsRows.accounts(dsl)
                    .where(SAVINGS_ACCOUNT.ID.in(chunk.stream().map(InterestLine::accountId).toList()))
                    .fetchMap(SAVINGS_ACCOUNT.ID, SavingsRows::toAccount);
            List<SavingsAccount> accounts = chunk.stream().map(l -> byId.get(l.accountId())).toList();
            SavingsRows.record(dsl, cooperativeId, TransactionKind.INTEREST, accounts, null, movements, results, actor);
        }
        BigDecimal total = total(lines, product.currency());
        dsl.insertInto(SAVINGS_INTEREST_RUN)
                .set(SAVINGS_INTEREST_RUN.COOPERATIVE_ID, cooperativeId)
                .set(SAVINGS_INTEREST_RUN.PRODUCT_ID, productId)
                .set(SAVINGS_INTEREST_RUN.PERIOD_START, start)
                .set(SAVINGS_INTEREST_RUN.PERIOD_END, periodEnd)
                .set(SAVINGS_INTEREST_RUN.ACCOUNTS, lines.size())
                .set(SAVINGS_INTEREST_RUN.TOTAL, total)
                .set(SAVINGS_INTEREST_RUN.POSTED_BY, actor)
                .execute();
        return new InterestRun(productId, start, periodEnd, lines, total, true, false);
    }

    private SavingsProduct checkedProduct(long cooperativeId, long productId, LocalDate periodEnd) {
        SavingsProduct product = products.product(cooperativeId, productId);
        DomainException.require(product.interestMethod() != InterestMethod.NONE, "savings.interest.none", product.code());
        DomainException.require(periodEnd != null && product.interestPosting().isPeriodEnd(periodEnd),
                "savings.interest.period-end", String.valueOf(periodEnd), product.interestPosting().name());
        DomainException.require(periodEnd.isBefore(cooperatives.byId(cooperativeId).today(clock)),
                "savings.interest.period-open", periodEnd);
        return product;
    }

    private boolean posted(long productId, LocalDate periodEnd) {
        return dsl.fetchExists(SAVINGS_INTEREST_RUN, SAVINGS_INTEREST_RUN.PRODUCT_ID.eq(productId)
                .and(SAVINGS_INTEREST_RUN.PERIOD_END.eq(periodEnd)));
    }

    private InterestRun postedRun(long cooperativeId, SavingsProduct product, LocalDate start, LocalDate periodEnd) {
        List<InterestLine> lines = SavingsRows.transactions(dsl)
                .where(SAVINGS_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SAVINGS_TRANSACTION.KIND.eq(TransactionKind.INTEREST.name()))
                        .and(SAVINGS_TRANSACTION.VALUE_DATE.eq(periodEnd))
                        .and(SAVINGS_ACCOUNT.PRODUCT_ID.eq(product.id())))
                .orderBy(SAVINGS_ACCOUNT.NUMBER)
                .fetch(r -> {
                    SavingsTransaction t = SavingsRows.toTransaction(r);
                    return new InterestLine(t.accountId(), t.accountNumber(), t.memberId(), t.amount());
                });
        return new InterestRun(product.id(), start, periodEnd, lines, total(lines, product.currency()), true, true);
    }

    /** Every account of the product open during the period, from its ledger lines: two queries in all. */
    private List<InterestLine> compute(long cooperativeId, SavingsProduct product, LocalDate start, LocalDate end) {
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
                        .and(JOURNAL_LINE.VALUE_DATE.lt(start)))
                .groupBy(JOURNAL_LINE.ACCOUNT_ID)
                .forEach(r -> opening.put(r.value1(), r.value2()));
        Map<Long, NavigableMap<LocalDate, BigDecimal>> changes = new HashMap<>();
        dsl.select(JOURNAL_LINE.ACCOUNT_ID, JOURNAL_LINE.VALUE_DATE, signed).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_LINE.ACCOUNT_ID.in(ledgerAccounts))
                        .and(JOURNAL_LINE.VALUE_DATE.between(start, end)))
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
