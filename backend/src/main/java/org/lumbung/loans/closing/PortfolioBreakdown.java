package org.lumbung.loans.closing;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

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
        public @Nullable BigDecimal provisionRatio() {
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
        Portfolio.requirePeriod(from, to);
        DomainException.require(by != null, "loans.portfolio.dimension.invalid");
        return periods(c, by, new Periods(from, to, false)).stream().findFirst();
    }

    /**
     * The quality of one segment (null: the whole) month by month over {@code from}–{@code to}, each month
     * clipped to the period, oldest first; months without a closed day are left out. Every month is read in
     * the same few statements, whatever the number of months, but for the allowance's ledger balance.
     */
    public List<SegmentQuality> trend(long cooperativeId, PortfolioDimension by, @Nullable String segment, LocalDate from, LocalDate to) {
        Cooperative c = cooperatives.byId(cooperativeId);
        Portfolio.requirePeriod(from, to);
        DomainException.require(by != null && (segment == null || (by != PortfolioDimension.WHOLE && segment.length() <= 64)),
                "loans.portfolio.dimension.invalid");
        return periods(c, by, new Periods(from, to, true)).stream().flatMap(b -> segment == null ? Stream.of(b.whole())
                : b.segments().stream().filter(s -> segment.equals(s.segment())).limit(1)).toList();
    }

    /** Days {@code from}–{@code to}, both closed. */
    private record Period(LocalDate from, LocalDate to) {
    }

    /**
     * The periods read together: {@code from}–{@code to} whole, or its calendar months, each clipped to it. The
     * statements read all of from–to (as the indexes find it) and group its rows by their period's first day.
     */
    private record Periods(LocalDate from, LocalDate to, boolean monthly) {

        List<Period> each() {
            if (!monthly) {
                return List.of(new Period(from, to));
            }
            List<Period> months = new ArrayList<>();
            for (LocalDate start = from; !start.isAfter(to); start = start.withDayOfMonth(1).plusMonths(1)) {
                LocalDate end = start.withDayOfMonth(start.lengthOfMonth());
                months.add(new Period(start, end.isAfter(to) ? to : end));
            }
            return months;
        }

        /** The first day of the period of a row dated by {@code column}; binds {@link #from} once. */
        String firstDayOf(String column) {
            return monthly ? "greatest(date_trunc('month', " + column + ")::date, ?::date)" : "?::date";
        }
    }

    /** The breakdown of each period with a closed day, in the order of the periods. */
    private List<Breakdown> periods(Cooperative c, PortfolioDimension by, Periods p) {
        Map<LocalDate, Record> closedDays = new HashMap<>();
        dsl.fetch("select " + p.firstDayOf("business_date") + " as first_day, max(business_date) as last, count(*) as days,"
                        + " coalesce(sum(outstanding), 0) as total from loan_portfolio_snapshot where cooperative_id = ?"
                        + " and collectibility = 'ALL' and business_date between ? and ? group by 1", p.from(), c.id(), p.from(), p.to())
                .forEach(r -> closedDays.put(r.get("first_day", LocalDate.class), r));
        List<LocalDate> asOfs = closedDays.values().stream().map(r -> r.get("last", LocalDate.class)).toList();
        if (asOfs.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, PortfolioSnapshot> snapshots = portfolio.snapshots(c.id(), asOfs);
        Map<LocalDate, Map<String, BigDecimal[]>> wholeFlows = flows(c, PortfolioDimension.WHOLE, p);
        Map<LocalDate, BigDecimal> allowances = allowances(c, asOfs);
        Segments segments = by == PortfolioDimension.WHOLE ? Segments.NONE : segments(c, by, p, asOfs);
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Period period : p.each()) {
            Record days = closedDays.get(period.from());
            if (days != null) {
                LocalDate asOf = days.get("last", LocalDate.class);
                // a closed day has its snapshot, and every closed day its allowance
                breakdowns.add(breakdown(c, by, period, days, Objects.requireNonNull(snapshots.get(asOf)),
                        wholeFlows.getOrDefault(period.from(), Map.of()).getOrDefault("", zeros()),
                        Objects.requireNonNull(allowances.get(asOf)), segments));
            }
        }
        return breakdowns;
    }

    /** One period's breakdown from what {@link #periods} read. */
    private static Breakdown breakdown(Cooperative c, PortfolioDimension by, Period period, Record days, PortfolioSnapshot snapshot,
                                       BigDecimal[] wholeFlows, BigDecimal allowance, Segments read) {
        LocalDate asOf = snapshot.businessDate();
        int closedDays = days.get("days", Integer.class);
        String currency = c.baseCurrency();
        ClassFigures t = snapshot.total();
        SegmentQuality whole = new SegmentQuality(null, "", period.from(), period.to(), asOf, t.loans(), t.outstanding(), t.par1Amount(),
                t.par30Amount(), t.par90Amount(), snapshot.classes().stream().map(ClassFigures::outstanding).toList(), t.provision(),
                allowance, average(days.get("total", BigDecimal.class), closedDays, currency), wholeFlows[0], wholeFlows[1]);
        if (by == PortfolioDimension.WHOLE) {
            return new Breakdown(by, currency, whole, List.of());
        }
        Map<String, BigDecimal[]> flows = read.flows().getOrDefault(period.from(), Map.of());
        Map<String, Record> stocks = read.stocks().getOrDefault(asOf, Map.of());
        Map<String, BigDecimal> sums = read.sums().getOrDefault(period.from(), Map.of());
        TreeSet<String> keys = new TreeSet<>(sums.keySet());
        keys.addAll(flows.keySet());
        List<SegmentQuality> segments = new ArrayList<>();
        for (String key : keys) {
            Record r = stocks.get(key);
            BigDecimal[] f = flows.getOrDefault(key, zeros());
            BigDecimal provision = r == null ? BigDecimal.ZERO : r.get("provision", BigDecimal.class);
            segments.add(new SegmentQuality(key, read.labels().getOrDefault(key, key), period.from(), period.to(), asOf,
                    r == null ? 0 : r.get("loans", Integer.class), amount(r, "outstanding"), amount(r, "par1_amount"),
                    amount(r, "par30_amount"), amount(r, "par90_amount"), aging(r), provision,
                    share(allowance, provision, t.provision(), currency),
                    average(sums.getOrDefault(key, BigDecimal.ZERO), closedDays, currency), f[0], f[1]));
        }
        segments.sort(Comparator.comparing(SegmentQuality::label).thenComparing(SegmentQuality::segment));
        return new Breakdown(by, currency, whole, segments);
    }

    /**
     * The segments' figures of every period: flows and summed outstanding by the period's first day, the stocks of
     * each last closed day by that day, all by segment, and the labels of all segments.
     */
    private record Segments(Map<LocalDate, Map<String, BigDecimal[]>> flows, Map<LocalDate, Map<String, Record>> stocks,
                            Map<LocalDate, Map<String, BigDecimal>> sums, Map<String, String> labels) {
        static final Segments NONE = new Segments(Map.of(), Map.of(), Map.of(), Map.of());
    }

    private Segments segments(Cooperative c, PortfolioDimension by, Periods p, List<LocalDate> asOfs) {
        Map<LocalDate, Map<String, Record>> stocks = new HashMap<>();
        List<Object> bindings = new ArrayList<>(List.of(c.id(), by.name()));
        bindings.addAll(asOfs);
        dsl.fetch("select * from loan_portfolio_segment where cooperative_id = ? and dimension = ? and business_date in ("
                        + String.join(", ", Collections.nCopies(asOfs.size(), "?")) + ")", bindings.toArray())
                .forEach(r -> stocks.computeIfAbsent(r.get("business_date", LocalDate.class), d -> new HashMap<>())
                        .put(r.get("segment", String.class), r));
        Map<LocalDate, Map<String, BigDecimal>> sums = new HashMap<>();
        dsl.fetch("select " + p.firstDayOf("business_date") + " as first_day, segment, sum(outstanding) as total"
                        + " from loan_portfolio_segment where cooperative_id = ? and dimension = ? and business_date between ? and ?"
                        + " group by 1, 2", p.from(), c.id(), by.name(), p.from(), p.to())
                .forEach(r -> sums.computeIfAbsent(r.get("first_day", LocalDate.class), d -> new HashMap<>())
                        .put(r.get("segment", String.class), r.get("total", BigDecimal.class)));
        Map<LocalDate, Map<String, BigDecimal[]>> flows = flows(c, by, p);
        boolean anySegment = !sums.isEmpty() || flows.values().stream().anyMatch(f -> !f.isEmpty());
        return new Segments(flows, stocks, sums, anySegment ? labels(c, by) : Map.of());
    }

    /**
     * The allowance for loan losses on the ledger at the end of each day: a contra-asset, so its credit balance
     * (nothing while the chart has not opened the account yet; opening it is for who posts, not for a reader).
     * One ledger read a day: the ledger answers one date at a time.
     */
    private Map<LocalDate, BigDecimal> allowances(Cooperative c, List<LocalDate> days) {
        String code = chart.code(c.id(), LoanAccountRole.LOAN_LOSS_ALLOWANCE);
        boolean opened = chart.find(c.id(), code).isPresent();
        Map<LocalDate, BigDecimal> allowances = new HashMap<>();
        days.forEach(day -> allowances.put(day, opened ? ledger.balanceAsOf(c.id(), code, day).negate() : BigDecimal.ZERO));
        return allowances;
    }

    /**
     * Per period (by its first day) and segment: principal written off, and interest, fees and penalties received
     * (reversals subtracted), with a value date in the period; only loans in the base currency, as the closes count them.
     */
    private Map<LocalDate, Map<String, BigDecimal[]>> flows(Cooperative c, PortfolioDimension by, Periods p) {
        String segment = switch (by) {
            case WHOLE -> "''";
            case PRODUCT -> "l.product_id::text";
            case OFFICER -> "l.loan_officer";
        };
        Map<LocalDate, Map<String, BigDecimal[]>> flows = new HashMap<>();
        dsl.fetch("select " + p.firstDayOf("t.value_date") + " as first_day, " + segment + " as segment,"
                        + " coalesce(sum(t.principal_part) filter (where t.kind = 'WRITE_OFF'), 0) as written_off,"
                        + " coalesce(sum((t.interest_part + t.fee_part + t.penalty_part) * case when t.kind = 'REVERSAL' then -1 else 1 end)"
                        + " filter (where t.kind in ('REPAYMENT', 'PREPAYMENT', 'DISBURSEMENT', 'REVERSAL')), 0) as received"
                        + " from loan_transaction t join loan l on l.id = t.loan_id"
                        + " where t.cooperative_id = ? and l.cooperative_id = ? and l.currency = ? and t.value_date between ? and ?"
                        + " and t.kind in ('WRITE_OFF', 'REPAYMENT', 'PREPAYMENT', 'DISBURSEMENT', 'REVERSAL') group by 1, 2",
                p.from(), c.id(), c.id(), c.baseCurrency(), p.from(), p.to())
                .forEach(r -> flows.computeIfAbsent(r.get("first_day", LocalDate.class), d -> new HashMap<>())
                        .put(r.get("segment", String.class), new BigDecimal[] {
                                Amounts.normalise(r.get("written_off", BigDecimal.class), c.baseCurrency()),
                                Amounts.normalise(r.get("received", BigDecimal.class), c.baseCurrency())}));
        return flows;
    }

    private Map<String, String> labels(Cooperative c, PortfolioDimension by) {
        Map<String, String> labels = new HashMap<>();
        if (by == PortfolioDimension.PRODUCT) {
            dsl.fetch("select id::text as id, code from loan_product where cooperative_id = ?", c.id())
                    .forEach(r -> labels.put(r.get("id", String.class), r.get("code", String.class)));
        }
        return labels;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static BigDecimal amount(@Nullable Record r, String column) {
        return r == null ? BigDecimal.ZERO : r.get(column, BigDecimal.class).stripTrailingZeros();
    }

    private static List<BigDecimal> aging(@Nullable Record r) {
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
