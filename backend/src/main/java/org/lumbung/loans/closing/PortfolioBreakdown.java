package org.lumbung.loans.closing;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.loans.LoanAccountRole;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The portfolio's quality over a period, whole or by loan product or loan officer, from the closes of
 * business's daily snapshots (stocks: {@code loan_portfolio_snapshot} for the whole,
 * {@code loan_portfolio_segment} for the segments) and the loan transactions (flows: write-offs, interest and
 * fees received, by value date); the figures and their definitions are {@link SegmentQuality}'s. Trends are
 * the same figures month by month.
 */
@Service
@PreAuthorize("@access.may('READ_LOANS')")
public class PortfolioBreakdown {

    /** The longest period asked for at once, as for the PAR trend. */
    public static final int MAX_PERIOD_DAYS = Portfolio.MAX_TREND_DAYS;

    /**
     * The figures of a period: the whole portfolio, its segments by the dimension (none for WHOLE), ordered by
     * label, and the whole's allowance for loan losses against the provisions its classes ask for.
     */
    public record Breakdown(PortfolioDimension dimension, String currency, SegmentQuality whole, List<SegmentQuality> segments) {
        public Breakdown {
            segments = List.copyOf(segments);
        }

        /** Allowance on the ledger / required provisions (OJK's <i>rasio PPAP</i>), percent; null when none is required. */
        public BigDecimal provisionRatio() {
            return SegmentQuality.ratio(whole.allowance(), whole.requiredProvision());
        }
    }

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final Portfolio portfolio;
    private final LedgerQueries ledger;
    private final ChartOfAccounts chart;

    public PortfolioBreakdown(DSLContext dsl, CooperativeService cooperatives, Portfolio portfolio, LedgerQueries ledger,
                              ChartOfAccounts chart) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.portfolio = portfolio;
        this.ledger = ledger;
        this.chart = chart;
    }

    /** The quality over {@code from}–{@code to}; empty when no day of it was closed. */
    public Optional<Breakdown> quality(long cooperativeId, PortfolioDimension by, LocalDate from, LocalDate to) {
        Cooperative c = cooperatives.byId(cooperativeId);
        requirePeriod(from, to);
        DomainException.require(by != null, "loans.portfolio.dimension.invalid");
        return period(c, by, from, to);
    }

    /**
     * The quality of one segment (null: the whole) month by month over {@code from}–{@code to}, each month
     * clipped to the period, oldest first; months without a closed day are left out.
     */
    public List<SegmentQuality> trend(long cooperativeId, PortfolioDimension by, String segment, LocalDate from, LocalDate to) {
        Cooperative c = cooperatives.byId(cooperativeId);
        requirePeriod(from, to);
        DomainException.require(by != null && (segment == null || (by != PortfolioDimension.WHOLE && segment.length() <= 64)),
                "loans.portfolio.dimension.invalid");
        List<SegmentQuality> months = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.withDayOfMonth(1).plusMonths(1)) {
            LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
            LocalDate last = end.isAfter(to) ? to : end;
            period(c, by, start, last).flatMap(b -> segment == null ? Optional.of(b.whole())
                    : b.segments().stream().filter(s -> s.segment().equals(segment)).findFirst()).ifPresent(months::add);
        }
        return months;
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        DomainException.require(from != null && to != null && !from.isAfter(to)
                && ChronoUnit.DAYS.between(from, to) < MAX_PERIOD_DAYS, "loans.close.trend.invalid", MAX_PERIOD_DAYS);
    }

    private Optional<Breakdown> period(Cooperative c, PortfolioDimension by, LocalDate from, LocalDate to) {
        Record days = dsl.fetchOne("select max(business_date) as last, count(*) as days, coalesce(sum(outstanding), 0) as total"
                + " from loan_portfolio_snapshot where cooperative_id = ? and collectibility = 'ALL' and business_date between ? and ?",
                c.id(), from, to);
        LocalDate asOf = days.get("last", LocalDate.class);
        if (asOf == null) {
            return Optional.empty();
        }
        int closedDays = days.get("days", Integer.class);
        String currency = c.baseCurrency();
        PortfolioSnapshot snapshot = portfolio.snapshot(c.id(), asOf).orElseThrow();
        BigDecimal[] wholeFlows = flows(c, PortfolioDimension.WHOLE, from, to).getOrDefault("", zeros());
        BigDecimal allowance = allowance(c, asOf);
        ClassFigures t = snapshot.total();
        SegmentQuality whole = new SegmentQuality(null, "", from, to, asOf, t.loans(), t.outstanding(), t.par1Amount(),
                t.par30Amount(), t.par90Amount(), snapshot.classes().stream().map(ClassFigures::outstanding).toList(), t.provision(),
                allowance, average(days.get("total", BigDecimal.class), closedDays, currency), wholeFlows[0], wholeFlows[1]);
        if (by == PortfolioDimension.WHOLE) {
            return Optional.of(new Breakdown(by, currency, whole, List.of()));
        }
        Map<String, BigDecimal[]> flows = flows(c, by, from, to);
        Map<String, Record> stocks = new HashMap<>();
        dsl.fetch("select * from loan_portfolio_segment where cooperative_id = ? and dimension = ? and business_date = ?",
                c.id(), by.name(), asOf).forEach(r -> stocks.put(r.get("segment", String.class), r));
        Map<String, BigDecimal> sums = new HashMap<>();
        dsl.fetch("select segment, sum(outstanding) as total from loan_portfolio_segment where cooperative_id = ? and dimension = ?"
                + " and business_date between ? and ? group by segment", c.id(), by.name(), from, to)
                .forEach(r -> sums.put(r.get("segment", String.class), r.get("total", BigDecimal.class)));
        TreeSet<String> keys = new TreeSet<>(sums.keySet());
        keys.addAll(flows.keySet());
        Map<String, String> labels = labels(c, by, keys);
        List<SegmentQuality> segments = new ArrayList<>();
        for (String key : keys) {
            Record r = stocks.get(key);
            BigDecimal[] f = flows.getOrDefault(key, zeros());
            BigDecimal provision = r == null ? BigDecimal.ZERO : r.get("provision", BigDecimal.class);
            segments.add(new SegmentQuality(key, labels.getOrDefault(key, key), from, to, asOf,
                    r == null ? 0 : r.get("loans", Integer.class), amount(r, "outstanding"), amount(r, "par1_amount"),
                    amount(r, "par30_amount"), amount(r, "par90_amount"), aging(r), provision,
                    share(allowance, provision, t.provision(), currency),
                    average(sums.getOrDefault(key, BigDecimal.ZERO), closedDays, currency), f[0], f[1]));
        }
        segments.sort(Comparator.comparing(SegmentQuality::label).thenComparing(SegmentQuality::segment));
        return Optional.of(new Breakdown(by, currency, whole, segments));
    }

    /**
     * The allowance for loan losses on the ledger at the end of the day: a contra-asset, so its credit balance
     * (nothing while the chart has not opened the account yet; opening it is for who posts, not for a reader).
     */
    private BigDecimal allowance(Cooperative c, LocalDate asOf) {
        String code = chart.code(c.id(), LoanAccountRole.LOAN_LOSS_ALLOWANCE);
        return chart.find(c.id(), code).isEmpty() ? BigDecimal.ZERO : ledger.balanceAsOf(c.id(), code, asOf).negate();
    }

    /**
     * Per segment: principal written off, and interest, fees and penalties received (reversals subtracted),
     * with a value date in the period; only loans in the base currency, as the closes count them.
     */
    private Map<String, BigDecimal[]> flows(Cooperative c, PortfolioDimension by, LocalDate from, LocalDate to) {
        String segment = switch (by) {
            case WHOLE -> "''";
            case PRODUCT -> "l.product_id::text";
            case OFFICER -> "l.loan_officer";
        };
        Map<String, BigDecimal[]> flows = new HashMap<>();
        dsl.fetch("select " + segment + " as segment,"
                        + " coalesce(sum(t.principal_part) filter (where t.kind = 'WRITE_OFF'), 0) as written_off,"
                        + " coalesce(sum((t.interest_part + t.fee_part + t.penalty_part) * case when t.kind = 'REVERSAL' then -1 else 1 end)"
                        + " filter (where t.kind in ('REPAYMENT', 'PREPAYMENT', 'DISBURSEMENT', 'REVERSAL')), 0) as received"
                        + " from loan_transaction t join loan l on l.id = t.loan_id"
                        + " where t.cooperative_id = ? and l.cooperative_id = ? and l.currency = ? and t.value_date between ? and ?"
                        + " and t.kind in ('WRITE_OFF', 'REPAYMENT', 'PREPAYMENT', 'DISBURSEMENT', 'REVERSAL') group by 1",
                c.id(), c.id(), c.baseCurrency(), from, to)
                .forEach(r -> flows.put(r.get("segment", String.class), new BigDecimal[] {
                        Amounts.normalise(r.get("written_off", BigDecimal.class), c.baseCurrency()),
                        Amounts.normalise(r.get("received", BigDecimal.class), c.baseCurrency())}));
        return flows;
    }

    private Map<String, String> labels(Cooperative c, PortfolioDimension by, TreeSet<String> keys) {
        Map<String, String> labels = new HashMap<>();
        if (by == PortfolioDimension.PRODUCT && !keys.isEmpty()) {
            dsl.fetch("select id::text as id, code from loan_product where cooperative_id = ?", c.id())
                    .forEach(r -> labels.put(r.get("id", String.class), r.get("code", String.class)));
        }
        return labels;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static BigDecimal amount(Record r, String column) {
        return r == null ? BigDecimal.ZERO : r.get(column, BigDecimal.class).stripTrailingZeros();
    }

    private static List<BigDecimal> aging(Record r) {
        List<BigDecimal> aging = new ArrayList<>();
        for (Collectibility k : Collectibility.values()) {
            aging.add(amount(r, k.name().toLowerCase(Locale.ROOT)));
        }
        return aging;
    }

    /** The mean over the closed days, rounded to the currency's minor unit (half-even). */
    private static BigDecimal average(BigDecimal sum, int closedDays, String currency) {
        return closedDays == 0 ? BigDecimal.ZERO
                : sum.divide(BigDecimal.valueOf(closedDays), Amounts.minorUnits(currency), Amounts.ROUNDING);
    }

    /** The segment's share of the allowance, in proportion to its required provision. */
    private static BigDecimal share(BigDecimal allowance, BigDecimal provision, BigDecimal totalProvision, String currency) {
        return totalProvision.signum() == 0 ? BigDecimal.ZERO
                : allowance.multiply(provision).divide(totalProvision, Amounts.minorUnits(currency), Amounts.ROUNDING);
    }
}
