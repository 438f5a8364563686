package org.lumbung.reports;

import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
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
import java.util.List;
import java.util.Map;

/**
 * The overview's monthly figures in the base currency, at each month end (the last month up to the day asked): what
 * members have saved (pokok, wajib, sukarela, berjangka), loans outstanding, the PAR30 of the loans' last close of
 * business, and the shop's sales (less returns) in the month.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class MonthlyTrends {

    public static final int MAX_MONTHS = 36;
    static final List<String> SAVINGS = List.of("MEMBER_SHARE_CAPITAL", "MEMBER_MANDATORY_SAVINGS", "MEMBER_VOLUNTARY_SAVINGS",
            "TIME_DEPOSITS");
    static final List<String> LOANS = List.of("MEMBER_LOANS");
    /** Sales and the contra-revenue of returns (a debit balance: negative on the income side), added: net sales. */
    static final List<String> SHOP_SALES = List.of("SHOP_SALES", "SHOP_SALES_RETURNS");

    /** One month's figures; {@code par30Percent} is null without a close of business near the month's end. */
    public record Month(YearMonth month, BigDecimal savings, BigDecimal loans, @Nullable BigDecimal par30Percent,
                        BigDecimal shopSales) {
    }

    private final CooperativeService cooperatives;
    private final FinancialStatements statements;
    private final ChartOfAccounts chart;
    private final ObjectProvider<LoanPortfolioSource> portfolios;

    public MonthlyTrends(CooperativeService cooperatives, FinancialStatements statements, ChartOfAccounts chart,
                         ObjectProvider<LoanPortfolioSource> portfolios) {
        this.cooperatives = cooperatives;
        this.statements = statements;
        this.chart = chart;
        this.portfolios = portfolios;
    }

    public List<Month> months(long cooperativeId, LocalDate asOf, int months) {
        DomainException.require(months > 0 && months <= MAX_MONTHS, "reports.pearls.months.invalid", MAX_MONTHS);
        FinancialStatements.requireDate(asOf);
        Cooperative c = cooperatives.byId(cooperativeId);
        String currency = c.baseCurrency();
        List<Month> trend = new ArrayList<>();
        for (int back = months - 1; back >= 0; back--) {
            YearMonth m = YearMonth.from(asOf).minusMonths(back);
            LocalDate end = m.atEndOfMonth().isAfter(asOf) ? asOf : m.atEndOfMonth();
            Map<String, Balance> balances = statements.balances(cooperativeId, end, currency);
            Map<String, Balance> moved = statements.movements(cooperativeId, m.atDay(1), end, currency);
            BigDecimal sales = sum(moved, SHOP_SALES, cooperativeId);
            trend.add(new Month(m, Amounts.normalise(sum(balances, SAVINGS, cooperativeId), currency),
                    Amounts.normalise(sum(balances, LOANS, cooperativeId), currency), par30(cooperativeId, end),
                    Amounts.normalise(sales, currency)));
        }
        return trend;
    }

    private BigDecimal sum(Map<String, Balance> balances, List<String> roles, long cooperativeId) {
        return RoleBalances.sum(chart, cooperativeId, balances, roles);
    }

    private @Nullable BigDecimal par30(long cooperativeId, LocalDate day) {
        LoanPortfolioSource source = portfolios.getIfAvailable();
        return source == null ? null : source.at(cooperativeId, day).filter(p -> p.gross().signum() > 0)
                .map(p -> p.par30().multiply(BigDecimal.valueOf(100)).divide(p.gross(), MathContext.DECIMAL64)
                        .setScale(2, RoundingMode.HALF_EVEN)).orElse(null);
    }
}
