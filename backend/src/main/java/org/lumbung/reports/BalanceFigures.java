package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.AccountRole;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.JournalFilter;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.members.MemberService;
import org.lumbung.reports.DashboardFigure.Value;
import org.lumbung.savings.SavingsAccountRole;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Where the cooperative stands: members, what they saved, the cash and bank, the ledger's size. */
@Component
@Order(300)
class BalanceFigures implements DashboardFigureContributor {

    private final MemberService members;
    private final ChartOfAccounts chart;
    private final LedgerQueries ledger;

    BalanceFigures(MemberService members, ChartOfAccounts chart, LedgerQueries ledger) {
        this.members = members;
        this.chart = chart;
        this.ledger = ledger;
    }

    @Override
    public List<DashboardFigure> figures(Cooperative c, LocalDate today) {
        String cur = c.baseCurrency();
        var latest = ledger.journalPage(c.id(), JournalFilter.all(), 0, 1);
        DashboardFigure entries = DashboardFigure.of("figure-entries", 360, "dashboard.entries",
                Value.count(ledger.journalCount(c.id(), JournalFilter.all())));
        return List.of(
                DashboardFigure.of("figure-members", 300, "dashboard.members", Value.count(members.countActive(c.id())))
                        .note("dashboard.members.women", Value.count(members.countWomen(c.id()))).link("members"),
                DashboardFigure.of("figure-cash", 310, "dashboard.cash-and-bank",
                        Value.money(balance(c, LedgerAccountRole.CASH).add(balance(c, LedgerAccountRole.BANK)), cur)),
                DashboardFigure.of("figure-share-capital", 320, "dashboard.share-capital",
                        Value.money(balance(c, SavingsAccountRole.MEMBER_SHARE_CAPITAL), cur)).note("dashboard.equity"),
                DashboardFigure.of("figure-mandatory", 330, "dashboard.mandatory-savings",
                        Value.money(balance(c, SavingsAccountRole.MEMBER_MANDATORY_SAVINGS), cur)).note("dashboard.equity"),
                DashboardFigure.of("figure-voluntary", 340, "dashboard.voluntary-savings",
                        Value.money(balance(c, SavingsAccountRole.MEMBER_VOLUNTARY_SAVINGS), cur)).note("dashboard.liability"),
                latest.isEmpty() ? entries : entries.note("dashboard.entries.last", Value.date(latest.get(0).valueDate())));
    }

    private BigDecimal balance(Cooperative c, AccountRole role) {
        return chart.balanceWithDescendants(c.id(), chart.code(c.id(), role));
    }
}
