package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.AccountRole;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.savings.SavingsAccountRole;
import java.math.BigDecimal;
import org.lumbung.ledger.JournalFilter;
import org.lumbung.ledger.JournalRow;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.members.MemberService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/** Reads the dashboard figures of one cooperative through the features' services. */
@Service
@PreAuthorize("@access.may('READ_DASHBOARD')")
public class DashboardService {

    private final CooperativeService cooperatives;
    private final MemberService members;
    private final ChartOfAccounts chart;
    private final LedgerQueries ledger;

    public DashboardService(CooperativeService cooperatives, MemberService members, ChartOfAccounts chart,
                            LedgerQueries ledger) {
        this.cooperatives = cooperatives;
        this.members = members;
        this.chart = chart;
        this.ledger = ledger;
    }

    public DashboardFigures figures(long cooperativeId) {
        Cooperative c = cooperatives.byId(cooperativeId);
        List<JournalRow> latest = ledger.journalPage(cooperativeId, JournalFilter.all(), 0, 1);
        LocalDate lastValueDate = latest.isEmpty() ? null : latest.get(0).valueDate();
        return new DashboardFigures(cooperatives.count(), members.countActive(cooperativeId),
                members.countWomen(cooperativeId), ledger.journalCount(cooperativeId, JournalFilter.all()),
                lastValueDate, c.baseCurrency(),
                balance(cooperativeId, LedgerAccountRole.CASH).add(balance(cooperativeId, LedgerAccountRole.BANK)),
                balance(cooperativeId, SavingsAccountRole.MEMBER_SHARE_CAPITAL),
                balance(cooperativeId, SavingsAccountRole.MEMBER_MANDATORY_SAVINGS),
                balance(cooperativeId, SavingsAccountRole.MEMBER_VOLUNTARY_SAVINGS),
                balance(cooperativeId, LedgerAccountRole.MEMBER_LOANS));
    }

    private BigDecimal balance(long cooperativeId, AccountRole role) {
        return chart.balanceWithDescendants(cooperativeId, chart.code(cooperativeId, role));
    }
}
