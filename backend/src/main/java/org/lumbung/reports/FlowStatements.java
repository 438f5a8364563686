package org.lumbung.reports;

import org.lumbung.fx.FxAccountRole;
import org.lumbung.ledger.AccountRole;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.Side;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.money.Amounts;
import org.lumbung.reports.FinancialStatements.Balance;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The statements of a period's flows, per currency, comparative with the same period a year earlier: the cash flow
 * (indirect method) and the changes in equity, both read from the balances at the period's ends, the same balances
 * as the balance sheet's (equity's current surplus with the income less expenses not yet closed).
 *
 * <p>The account roles decide the cash flow's sections: cash is the roles CASH, BANK, FOREIGN_CASH and FOREIGN_BANK
 * (with the accounts under them); ALLOWANCE_FOR_LOAN_LOSSES and ACCUMULATED_DEPRECIATION are added back; FIXED_ASSETS is
 * investing; equity, the members' SHU payable and the SHU funds are financing; every other asset and liability
 * (member loans, interest receivable, stock, savings, remittances payable) is operating, as a savings-and-credit
 * cooperative lends and takes savings in its operations.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class FlowStatements {

    enum Section { ADJUSTMENT, OPERATING, INVESTING, FINANCING }

    private static final List<AccountRole> CASH = List.of(LedgerAccountRole.CASH, LedgerAccountRole.BANK,
            FxAccountRole.FOREIGN_CASH, FxAccountRole.FOREIGN_BANK);
    private static final List<AccountRole> NON_CASH_COSTS = List.of(ReportAccountRole.ALLOWANCE_FOR_LOAN_LOSSES,
            ReportAccountRole.ACCUMULATED_DEPRECIATION);
    private static final List<AccountRole> FINANCING_LIABILITIES = List.of(ReportAccountRole.MEMBERS_SHU_PAYABLE,
            ReportAccountRole.BOARD_FUND, ReportAccountRole.STAFF_FUND, ReportAccountRole.EDUCATION_FUND,
            ReportAccountRole.SOCIAL_FUND, ReportAccountRole.AREA_DEVELOPMENT_FUND);

    /** A period's cash effect per non-cash balance-sheet account, the surplus and the cash at both ends. */
    private record Flows(BigDecimal surplus, Map<String, Balance> effects, BigDecimal openingCash, BigDecimal closingCash) {
    }

    private final FinancialStatements statements;
    private final ChartOfAccounts chart;
    private final LedgerQueries ledger;
    private final YearEndEntries yearEnd;

    public FlowStatements(FinancialStatements statements, ChartOfAccounts chart, LedgerQueries ledger, YearEndEntries yearEnd) {
        this.statements = statements;
        this.chart = chart;
        this.ledger = ledger;
        this.yearEnd = yearEnd;
    }

    public CashFlowStatement cashFlow(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        statements.requirePeriod(cooperativeId, from, to, currency);
        Flows now = flows(cooperativeId, from, to, currency);
        Flows before = flows(cooperativeId, from.minusYears(1), to.minusYears(1), currency);
        Map<Section, List<StatementLine>> lines = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            lines.put(s, lines(cooperativeId, s, now, before, currency));
        }
        return new CashFlowStatement(cooperativeId, currency, from, to, from.minusYears(1), to.minusYears(1),
                Objects.requireNonNull(lines.get(Section.ADJUSTMENT)), Objects.requireNonNull(lines.get(Section.OPERATING)),
                Objects.requireNonNull(lines.get(Section.INVESTING)), Objects.requireNonNull(lines.get(Section.FINANCING)),
                totals(now, lines, StatementLine::amount, currency),
                totals(before, lines, StatementLine::previous, currency));
    }

    private Flows flows(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        Map<String, Balance> start = statements.withSurplus(cooperativeId, statements.balances(cooperativeId, from.minusDays(1), currency), currency);
        Map<String, Balance> end = statements.withSurplus(cooperativeId, statements.balances(cooperativeId, to, currency), currency);
        BigDecimal surplus = statements.surplus(cooperativeId, from, to, currency);
        String currentSurplus = chart.code(cooperativeId, ReportAccountRole.CURRENT_SURPLUS);
        Set<String> cash = codes(cooperativeId, CASH);
        Map<String, Balance> effects = new HashMap<>();
        BigDecimal openingCash = BigDecimal.ZERO;
        BigDecimal closingCash = BigDecimal.ZERO;
        Set<String> all = new TreeSet<>(start.keySet());
        all.addAll(end.keySet());
        for (String code : all) {
            Balance named = Objects.requireNonNull(end.containsKey(code) ? end.get(code) : start.get(code));
            if (named.type() == AccountType.INCOME || named.type() == AccountType.EXPENSE) {
                continue;
            }
            BigDecimal opening = start.containsKey(code) ? start.get(code).amount() : BigDecimal.ZERO;
            BigDecimal closing = end.containsKey(code) ? end.get(code).amount() : BigDecimal.ZERO;
            if (isUnder(code, cash)) {
                openingCash = openingCash.add(opening);
                closingCash = closingCash.add(closing);
                continue;
            }
            BigDecimal change = closing.subtract(opening);
            BigDecimal effect = named.type() == AccountType.ASSET ? change.negate() : change;
            effects.put(code, new Balance(code, named.nameEn(), named.nameId(), named.type(),
                    code.equals(currentSurplus) ? effect.subtract(surplus) : effect));
        }
        return new Flows(surplus, effects, Amounts.normalise(openingCash, currency), Amounts.normalise(closingCash, currency));
    }

    private Section section(long cooperativeId, Balance b) {
        if (codes(cooperativeId, NON_CASH_COSTS).contains(b.code())) {
            return Section.ADJUSTMENT;
        }
        if (chart.code(cooperativeId, ReportAccountRole.FIXED_ASSETS).equals(b.code())) {
            return Section.INVESTING;
        }
        if (b.type() == AccountType.EQUITY || codes(cooperativeId, FINANCING_LIABILITIES).contains(b.code())) {
            return Section.FINANCING;
        }
        return Section.OPERATING;
    }

    /** A section's lines in code order; the current surplus's line is what was distributed from it. */
    private List<StatementLine> lines(long cooperativeId, Section section, Flows now, Flows before, String currency) {
        String currentSurplus = chart.code(cooperativeId, ReportAccountRole.CURRENT_SURPLUS);
        Set<String> codes = new TreeSet<>(now.effects().keySet());
        codes.addAll(before.effects().keySet());
        List<StatementLine> lines = new ArrayList<>();
        for (String code : codes) {
            Balance n = now.effects().get(code);
            Balance b = before.effects().get(code);
            Balance named = Objects.requireNonNull(n != null ? n : b, "a code of one of the periods");
            if (section(cooperativeId, named) != section) {
                continue;
            }
            BigDecimal amount = Amounts.normalise(n == null ? BigDecimal.ZERO : n.amount(), currency);
            BigDecimal previous = Amounts.normalise(b == null ? BigDecimal.ZERO : b.amount(), currency);
            if (amount.signum() != 0 || previous.signum() != 0) {
                lines.add(code.equals(currentSurplus)
                        ? new StatementLine(code, Messages.get("statement.cash-flow.distributed", Locale.ENGLISH),
                                Messages.get("statement.cash-flow.distributed", Messages.INDONESIAN), amount, previous)
                        : new StatementLine(code, named.nameEn(), named.nameId(), amount, previous));
            }
        }
        return lines;
    }

    private static CashFlowStatement.Totals totals(Flows f, Map<Section, List<StatementLine>> lines,
                                                   Function<StatementLine, BigDecimal> column, String currency) {
        Function<Section, BigDecimal> sum = s -> Objects.requireNonNull(lines.get(s)).stream().map(column)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal operating = f.surplus().add(sum.apply(Section.ADJUSTMENT)).add(sum.apply(Section.OPERATING));
        return new CashFlowStatement.Totals(f.surplus(), Amounts.normalise(operating, currency),
                Amounts.normalise(sum.apply(Section.INVESTING), currency), Amounts.normalise(sum.apply(Section.FINANCING), currency),
                f.openingCash(), f.closingCash());
    }

    public EquityChanges equityChanges(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        statements.requirePeriod(cooperativeId, from, to, currency);
        Map<String, Named> now = equityMovements(cooperativeId, from, to, currency);
        Map<String, Named> before = equityMovements(cooperativeId, from.minusYears(1), to.minusYears(1), currency);
        BigDecimal zero = Amounts.normalise(BigDecimal.ZERO, currency);
        EquityChanges.Movement none = new EquityChanges.Movement(zero, zero, zero, zero, zero);
        Set<String> codes = new TreeSet<>(now.keySet());
        codes.addAll(before.keySet());
        List<EquityChanges.Component> components = new ArrayList<>();
        EquityChanges.Movement total = none;
        EquityChanges.Movement previousTotal = none;
        for (String code : codes) {
            Named n = now.get(code);
            Named b = before.get(code);
            Named named = Objects.requireNonNull(n != null ? n : b, "a code of one of the periods");
            EquityChanges.Movement nm = n == null ? none : n.movement();
            EquityChanges.Movement bm = b == null ? none : b.movement();
            if (!nm.equals(none) || !bm.equals(none)) {
                components.add(new EquityChanges.Component(code, named.nameEn(), named.nameId(), nm, bm));
                total = total.plus(nm);
                previousTotal = previousTotal.plus(bm);
            }
        }
        return new EquityChanges(cooperativeId, currency, from, to, from.minusYears(1), to.minusYears(1), components,
                total, previousTotal);
    }

    private record Named(String nameEn, String nameId, EquityChanges.Movement movement) {
    }

    /**
     * Each equity account's movement from the turnovers at the period's ends; the current surplus's additions and
     * reductions leave out the year-end close and its reopening, which only move the surplus from income and expenses.
     */
    private Map<String, Named> equityMovements(long cooperativeId, LocalDate from, LocalDate to, String currency) {
        Map<String, TrialBalance.Row> start = equityRows(cooperativeId, from.minusDays(1), currency);
        Map<String, TrialBalance.Row> end = equityRows(cooperativeId, to, currency);
        Map<String, Balance> opening = statements.withSurplus(cooperativeId, statements.balances(cooperativeId, from.minusDays(1), currency), currency);
        Map<String, Balance> closing = statements.withSurplus(cooperativeId, statements.balances(cooperativeId, to, currency), currency);
        String currentSurplus = chart.code(cooperativeId, ReportAccountRole.CURRENT_SURPLUS);
        BigDecimal surplus = statements.surplus(cooperativeId, from, to, currency);
        Map<String, BigDecimal> closeDebits = yearEnd.closingSide(cooperativeId, from, to, currency, Side.DEBIT);
        Map<String, BigDecimal> closeCredits = yearEnd.closingSide(cooperativeId, from, to, currency, Side.CREDIT);
        Map<String, Named> movements = new HashMap<>();
        for (Balance b : closing.values()) {
            if (b.type() != AccountType.EQUITY) {
                continue;
            }
            String code = b.code();
            boolean isSurplus = code.equals(currentSurplus);
            BigDecimal additions = turnover(end, start, code, TrialBalance.Row::creditTurnover)
                    .subtract(isSurplus ? closeCredits.getOrDefault(code, BigDecimal.ZERO) : BigDecimal.ZERO);
            BigDecimal reductions = turnover(end, start, code, TrialBalance.Row::debitTurnover)
                    .subtract(isSurplus ? closeDebits.getOrDefault(code, BigDecimal.ZERO) : BigDecimal.ZERO);
            BigDecimal open = opening.containsKey(code) ? opening.get(code).amount() : BigDecimal.ZERO;
            movements.put(code, new Named(b.nameEn(), b.nameId(), new EquityChanges.Movement(
                    Amounts.normalise(open, currency), Amounts.normalise(additions, currency),
                    Amounts.normalise(reductions, currency), Amounts.normalise(isSurplus ? surplus : BigDecimal.ZERO, currency),
                    Amounts.normalise(b.amount(), currency))));
        }
        return movements;
    }

    private Map<String, TrialBalance.Row> equityRows(long cooperativeId, LocalDate asOf, String currency) {
        Map<String, TrialBalance.Row> rows = new HashMap<>();
        ledger.trialBalance(cooperativeId, asOf).rows().stream()
                .filter(r -> r.currency().equals(currency) && r.type() == AccountType.EQUITY)
                .forEach(r -> rows.put(r.code(), r));
        return rows;
    }

    private static BigDecimal turnover(Map<String, TrialBalance.Row> end, Map<String, TrialBalance.Row> start, String code,
                                       Function<TrialBalance.Row, BigDecimal> side) {
        BigDecimal later = end.containsKey(code) ? side.apply(end.get(code)) : BigDecimal.ZERO;
        BigDecimal earlier = start.containsKey(code) ? side.apply(start.get(code)) : BigDecimal.ZERO;
        return later.subtract(earlier);
    }

    /** The codes of the roles' accounts. */
    private Set<String> codes(long cooperativeId, List<AccountRole> roles) {
        Set<String> codes = new TreeSet<>();
        roles.forEach(r -> codes.add(chart.code(cooperativeId, r)));
        return codes;
    }

    /** Whether the code is one of the roots or an account under one (1150.MYR under 1150). */
    private static boolean isUnder(String code, Set<String> roots) {
        return roots.stream().anyMatch(r -> code.equals(r) || code.startsWith(r + "."));
    }
}
