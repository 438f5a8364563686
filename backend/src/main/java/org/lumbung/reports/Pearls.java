package org.lumbung.reports;

import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.platform.DomainException;
import org.lumbung.reports.FinancialStatements.Balance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The WOCCU PEARLS ratios of a cooperative at the end of a day, in its base currency, from the ledger's balances and
 * the loan portfolio's last close of business ({@link LoanPortfolioSource}); and their monthly trend.
 *
 * <p>Which accounts feed which ratio is decided by the chart's account roles ({@link Feed}), never by codes: a chart
 * template gives each role its account, and the accounts under it count too.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class Pearls {

    public static final int MAX_TREND_MONTHS = 36;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The groups of accounts the ratios read, each named by the account roles that feed it. */
    public enum Feed {
        LOANS("MEMBER_LOANS"),
        ALLOWANCE("ALLOWANCE_FOR_LOAN_LOSSES"),
        SAVINGS_DEPOSITS("MEMBER_VOLUNTARY_SAVINGS", "TIME_DEPOSITS"),
        LIQUID_ASSETS("CASH", "BANK"),
        SHORT_TERM_PAYABLES("OTHER_PAYABLES", "MEMBER_REMITTANCES_PAYABLE", "SHOP_SUPPLIER_PAYABLES"),
        INSTITUTIONAL_CAPITAL("RESERVES", "GRANTS_RECEIVED", "CURRENT_SURPLUS"),
        NON_OPERATING_EXPENSES("SAVINGS_INTEREST_EXPENSE", "LOAN_LOSS_PROVISION_EXPENSE", "SHOP_COST_OF_GOODS_SOLD");

        private final List<String> roles;

        Feed(String... roles) {
            this.roles = List.of(roles);
        }

        public List<String> roles() {
            return roles;
        }
    }

    /** A ratio's value in percent with two decimals (null when there is nothing to divide by) and its light. */
    public record Value(PearlsRatio ratio, @Nullable BigDecimal percent, PearlsRatio.Light light) {
    }

    /** The ratios at the end of a day, and the portfolio's close of business they used (empty: none). */
    public record Month(LocalDate asOf, Optional<LocalDate> portfolioDate, Map<PearlsRatio, Value> values) {
        public Month {
            values = Map.copyOf(values);
        }

        public Value value(PearlsRatio ratio) {
            return Objects.requireNonNull(values.get(ratio), "a month has every ratio");
        }
    }

    /** The sums a month's ratios are made of, in the base currency, on each account's normal side. */
    record Figures(BigDecimal totalAssets, BigDecimal totalAssetsYearAgo, BigDecimal loans, BigDecimal allowance,
                   BigDecimal savings, BigDecimal liquid, BigDecimal shortTermPayables, BigDecimal institutionalCapital,
                   BigDecimal operatingExpenses, Optional<PortfolioQuality> portfolio) {
    }

    private final CooperativeService cooperatives;
    private final FinancialStatements statements;
    private final ChartOfAccounts chart;
    private final ObjectProvider<LoanPortfolioSource> portfolios;

    public Pearls(CooperativeService cooperatives, FinancialStatements statements, ChartOfAccounts chart,
                  ObjectProvider<LoanPortfolioSource> portfolios) {
        this.cooperatives = cooperatives;
        this.statements = statements;
        this.chart = chart;
        this.portfolios = portfolios;
    }

    public Month at(long cooperativeId, LocalDate asOf) {
        FinancialStatements.requireDate(asOf);
        Figures f = figures(cooperativeId, asOf);
        return new Month(asOf, f.portfolio().map(PortfolioQuality::businessDate), ratios(f));
    }

    /** The ratios at each of the last {@code months} month ends up to {@code asOf} (the last one at {@code asOf}). */
    public List<Month> trend(long cooperativeId, LocalDate asOf, int months) {
        DomainException.require(months > 0 && months <= MAX_TREND_MONTHS, "reports.pearls.months.invalid", MAX_TREND_MONTHS);
        FinancialStatements.requireDate(asOf);
        List<Month> trend = new ArrayList<>();
        for (int back = months - 1; back >= 0; back--) {
            LocalDate end = YearMonth.from(asOf).minusMonths(back).atEndOfMonth();
            trend.add(at(cooperativeId, end.isAfter(asOf) ? asOf : end));
        }
        return trend;
    }

    Figures figures(long cooperativeId, LocalDate asOf) {
        Cooperative c = cooperatives.byId(cooperativeId);
        String currency = c.baseCurrency();
        Map<String, Balance> now = statements.withSurplus(cooperativeId, statements.balances(cooperativeId, asOf, currency), currency);
        Map<String, Balance> yearAgo = statements.balances(cooperativeId, asOf.minusYears(1), currency);
        Map<String, Balance> year = statements.movements(cooperativeId, asOf.minusYears(1).plusDays(1), asOf, currency);
        BigDecimal expenses = sumOf(year.values(), AccountType.EXPENSE);
        Optional<PortfolioQuality> portfolio = Optional.ofNullable(portfolios.getIfAvailable())
                .flatMap(p -> p.at(cooperativeId, asOf));
        return new Figures(sumOf(now.values(), AccountType.ASSET), sumOf(yearAgo.values(), AccountType.ASSET),
                fed(cooperativeId, now, Feed.LOANS), fed(cooperativeId, now, Feed.ALLOWANCE).negate(),
                fed(cooperativeId, now, Feed.SAVINGS_DEPOSITS), fed(cooperativeId, now, Feed.LIQUID_ASSETS),
                fed(cooperativeId, now, Feed.SHORT_TERM_PAYABLES), fed(cooperativeId, now, Feed.INSTITUTIONAL_CAPITAL),
                expenses.subtract(fed(cooperativeId, year, Feed.NON_OPERATING_EXPENSES)), portfolio);
    }

    static Map<PearlsRatio, Value> ratios(Figures f) {
        Map<PearlsRatio, Value> values = new EnumMap<>(PearlsRatio.class);
        PortfolioQuality p = f.portfolio().orElse(null);
        put(values, PearlsRatio.P1, p == null ? null : percent(f.allowance(), p.longDelinquent()));
        put(values, PearlsRatio.P2, p == null ? null
                : percent(f.allowance().subtract(p.longDelinquent()).max(BigDecimal.ZERO), p.shortDelinquent()));
        put(values, PearlsRatio.E1, percent(f.loans().subtract(f.allowance()), f.totalAssets()));
        put(values, PearlsRatio.E5, percent(f.savings(), f.totalAssets()));
        put(values, PearlsRatio.E9, percent(f.institutionalCapital(), f.totalAssets()));
        put(values, PearlsRatio.A1, p == null ? null : percent(p.par30(), p.gross()));
        put(values, PearlsRatio.R9, percent(f.operatingExpenses(),
                f.totalAssets().add(f.totalAssetsYearAgo()).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64)));
        put(values, PearlsRatio.L1, percent(f.liquid().subtract(f.shortTermPayables()), f.savings()));
        BigDecimal growth = percent(f.totalAssets(), f.totalAssetsYearAgo());
        put(values, PearlsRatio.S11, growth == null ? null : growth.subtract(HUNDRED));
        return values;
    }

    private static void put(Map<PearlsRatio, Value> values, PearlsRatio ratio, @Nullable BigDecimal percent) {
        values.put(ratio, new Value(ratio, percent, ratio.light(percent)));
    }

    /** part / whole in percent with two decimals, half-even; none when the whole is zero. */
    static @Nullable BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal sumOf(Collection<Balance> balances, AccountType type) {
        return balances.stream().filter(b -> b.type() == type).map(Balance::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of the feed's accounts and the accounts under them, on each account's normal side. */
    private BigDecimal fed(long cooperativeId, Map<String, Balance> balances, Feed feed) {
        return RoleBalances.sum(chart, cooperativeId, balances, feed.roles());
    }
}
