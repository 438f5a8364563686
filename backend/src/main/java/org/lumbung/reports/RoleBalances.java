package org.lumbung.reports;

import org.lumbung.ledger.AccountRole;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.reports.FinancialStatements.Balance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Sums of balances by account role, the roles named as the chart templates name them (so reports can read the
 * accounts of features that depend on reports — the shop's sales, the loans' provisions — without depending on them):
 * each role's account and the accounts under it, on each account's normal side.
 */
final class RoleBalances {

    private RoleBalances() {
    }

    static BigDecimal sum(ChartOfAccounts chart, long cooperativeId, Map<String, Balance> balances, List<String> roles) {
        List<String> roots = roles.stream().map(name -> chart.code(cooperativeId, (AccountRole) () -> name)).distinct().toList();
        return balances.values().stream()
                .filter(b -> roots.stream().anyMatch(r -> b.code().equals(r) || b.code().startsWith(r + ".")))
                .map(Balance::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
