package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The balance sheet and the statement of surplus, per currency, comparative with a year earlier, read from the
 * ledger's trial balance (members' sub-accounts rolled up into their control accounts). Whoever may read the
 * ledger may read them: the cooperative's staff, its district auditor, the administrator.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class FinancialStatements {

    /** The earliest and latest dates a statement is made for, and its longest period. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    public static final int MAX_PERIOD_DAYS = 3660;

    /** An account's balance on its normal side in one currency at a date. */
    record Balance(String code, String nameEn, String nameId, AccountType type, BigDecimal amount) {
        Balance plus(BigDecimal more) {
            return new Balance(code, nameEn, nameId, type, amount.add(more));
        }
    }

    private final CooperativeService cooperatives;
    private final LedgerQueries ledger;
    private final ChartOfAccounts chart;
    private final YearEndEntries yearEnd;
    private final Clock clock;

    public FinancialStatements(CooperativeService cooperatives, LedgerQueries ledger, ChartOfAccounts chart,
                               YearEndEntries yearEnd, Clock clock) {
        this.clock = clock;
        this.cooperatives = cooperatives;
        this.ledger = ledger;
        this.chart = chart;
        this.yearEnd = yearEnd;
    }

    /** The currencies the cooperative keeps accounts in, its base currency first. */
    public List<String> currencies(long cooperativeId) {
        Cooperative c = cooperatives.byId(cooperativeId);
        Set<String> held = new TreeSet<>(ledger.trialBalance(cooperativeId, c.today(clock)).totals().keySet());
        held.remove(c.baseCurrency());
        List<String> all = new ArrayList<>(List.of(c.baseCurrency()));
        all.addAll(held);
        return all;
    }

    public BalanceSheet balanceSheet(long cooperativeId, LocalDate asOf, String currency) {
        requireDate(asOf);
        requireCurrency(cooperativeId, currency);
        LocalDate previous = asOf.minusYears(1);
        Map<String, Balance> now = withSurplus(cooperativeId, balances(cooperativeId, asOf, currency), currency);
        Map<String, Balance> before = withSurplus(cooperativeId, balances(cooperativeId, previous, currency), currency);
        List<StatementLine> assets = lines(AccountType.ASSET, now, before, currency);
        List<StatementLine> liabilities = lines(AccountType.LIABILITY, now, before, currency);
        List<StatementLine> equity = lines(AccountType.EQUITY, now, before, currency);
        return new BalanceSheet(cooperativeId, currency, asOf, previous, assets, liabilities, equity,
                new BalanceSheet.Totals(sum(assets, false, currency), sum(liabilities, false, currency), sum(equity, false, currency)),
                new BalanceSheet.Totals(sum(assets, true, currency), sum(liabilities, true, currency), sum(equity, true, currency)));
    }

    public IncomeStatement income(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        requirePeriod(cooperativeId, from, to, currency);
        LocalDate previousFrom = from.minusYears(1);
        LocalDate previousTo = to.minusYears(1);
        Map<String, Balance> now = movements(cooperativeId, from, to, currency);
        Map<String, Balance> before = movements(cooperativeId, previousFrom, previousTo, currency);
        List<StatementLine> income = lines(AccountType.INCOME, now, before, currency);
        List<StatementLine> expenses = lines(AccountType.EXPENSE, now, before, currency);
        return new IncomeStatement(cooperativeId, currency, from, to, previousFrom, previousTo, income, expenses,
                new IncomeStatement.Totals(sum(income, false, currency), sum(expenses, false, currency)),
                new IncomeStatement.Totals(sum(income, true, currency), sum(expenses, true, currency)));
    }

    /** A period of at most {@link #MAX_PERIOD_DAYS} days between the earliest and latest dates, in a held currency. */
    void requirePeriod(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        requireDate(from);
        requireDate(to);
        requireCurrency(cooperativeId, currency);
        DomainException.require(!from.isAfter(to) && ChronoUnit.DAYS.between(from, to) < MAX_PERIOD_DAYS,
                "reports.period.invalid", MAX_PERIOD_DAYS);
    }

    /** Income less expenses of the period, the year-end close and its reopening left out. */
    BigDecimal surplus(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        return Amounts.normalise(movements(cooperativeId, from, to, currency).values().stream()
                .map(b -> b.type() == AccountType.INCOME ? b.amount() : b.amount().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add), currency);
    }

    static void requireDate(LocalDate date) {
        DomainException.require(date != null && !date.isBefore(EARLIEST) && !date.isAfter(LATEST),
                "reports.date.invalid", EARLIEST, LATEST);
    }

    void requireCurrency(long cooperativeId, String currency) {
        if (currency == null || !currencies(cooperativeId).contains(currency)) {
            throw DomainException.notFound("reports.currency.unknown", String.valueOf(currency));
        }
    }

    /** Each postable general-ledger account of the currency with its normal balance at the end of the date. */
    Map<String, Balance> balances(long cooperativeId, LocalDate asOf, String currency) {
        TrialBalance tb = ledger.trialBalance(cooperativeId, asOf);
        Map<String, Balance> balances = new HashMap<>();
        for (TrialBalance.Row r : tb.rows()) {
            if (r.currency().equals(currency)) {
                BigDecimal net = r.debit().subtract(r.credit());
                balances.put(r.code(), new Balance(r.code(), r.nameEn(), r.nameId(), r.type(),
                        r.type().debitNormal() ? net : net.negate()));
            }
        }
        return balances;
    }

    /** Income and expense accounts' movements within the period, the year-end close and its reopening left out. */
    Map<String, Balance> movements(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        Map<String, Balance> end = balances(cooperativeId, to, currency);
        Map<String, Balance> start = balances(cooperativeId, from.minusDays(1), currency);
        Map<String, BigDecimal> closing = yearEnd.closingMovements(cooperativeId, from, to, currency);
        Map<String, Balance> moved = new HashMap<>();
        for (Balance b : end.values()) {
            if (b.type() == AccountType.INCOME || b.type() == AccountType.EXPENSE) {
                BigDecimal before = start.containsKey(b.code()) ? start.get(b.code()).amount() : BigDecimal.ZERO;
                BigDecimal closed = closing.getOrDefault(b.code(), BigDecimal.ZERO);
                moved.put(b.code(), b.plus(before.negate()).plus(b.type().debitNormal() ? closed.negate() : closed));
            }
        }
        return moved;
    }

    /** Equity's line of the current year's surplus with the income less expenses not yet closed added to it. */
    Map<String, Balance> withSurplus(long cooperativeId, Map<String, Balance> balances, String currency) {
        BigDecimal unclosed = balances.values().stream()
                .map(b -> b.type() == AccountType.INCOME ? b.amount() : b.type() == AccountType.EXPENSE ? b.amount().negate() : BigDecimal.ZERO)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String code = chart.code(cooperativeId, ReportAccountRole.CURRENT_SURPLUS);
        Balance line = balances.get(code);
        if (line == null) {
            var account = chart.find(cooperativeId, code);
            line = new Balance(code, account.map(a -> a.nameEn()).orElse(code), account.map(a -> a.nameId()).orElse(code),
                    AccountType.EQUITY, Amounts.normalise(BigDecimal.ZERO, currency));
        }
        Map<String, Balance> result = new HashMap<>(balances);
        result.put(code, line.plus(unclosed));
        return result;
    }

    /** The lines of one type in code order; an account at zero in both periods is left out. */
    private static List<StatementLine> lines(AccountType type, Map<String, Balance> now, Map<String, Balance> before,
                                             String currency) {
        BigDecimal zero = Amounts.normalise(BigDecimal.ZERO, currency);
        Set<String> codes = new TreeSet<>();
        now.values().stream().filter(b -> b.type() == type).forEach(b -> codes.add(b.code()));
        before.values().stream().filter(b -> b.type() == type).forEach(b -> codes.add(b.code()));
        List<StatementLine> lines = new ArrayList<>();
        for (String code : codes) {
            Balance n = now.get(code);
            Balance b = before.get(code);
            Balance named = Objects.requireNonNull(n != null ? n : b, "a code of one of the periods");
            BigDecimal amount = n == null ? zero : Amounts.normalise(n.amount(), currency);
            BigDecimal previous = b == null ? zero : Amounts.normalise(b.amount(), currency);
            if (amount.signum() != 0 || previous.signum() != 0) {
                lines.add(new StatementLine(code, named.nameEn(), named.nameId(), amount, previous));
            }
        }
        return lines;
    }

    private static BigDecimal sum(List<StatementLine> lines, boolean previous, String currency) {
        return Amounts.normalise(lines.stream().map(previous ? StatementLine::previous : StatementLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add), currency);
    }
}
