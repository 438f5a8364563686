package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.DayMovement;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.platform.db.Backups;
import org.lumbung.reports.DashboardFigure.Value;
import org.lumbung.savings.DuesService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * What a treasurer acts on today: the cash that came in and went out, the members behind on their mandatory
 * dues, the requests waiting for a second person, and how old the last backup is.
 */
@Component
@Order(100)
class TreasurerFigures implements DashboardFigureContributor {

    private final LedgerQueries ledger;
    private final ChartOfAccounts chart;
    private final DuesService dues;
    private final Approvals approvals;
    private final Backups backups;

    TreasurerFigures(LedgerQueries ledger, ChartOfAccounts chart, DuesService dues, Approvals approvals, Backups backups) {
        this.ledger = ledger;
        this.chart = chart;
        this.dues = dues;
        this.approvals = approvals;
        this.backups = backups;
    }

    @Override
    public List<DashboardFigure> figures(Cooperative c, LocalDate today) {
        DayMovement cash = ledger.movementsOn(c.id(), chart.code(c.id(), LedgerAccountRole.CASH), today);
        String currency = c.baseCurrency();
        return List.of(
                DashboardFigure.of("figure-cash-today", 100, "dashboard.cash-today",
                                Value.money(cash.debit().subtract(cash.credit()), currency))
                        .note("dashboard.cash-today.note", Value.money(cash.debit(), currency), Value.money(cash.credit(), currency))
                        .link("ledger/journal"),
                DashboardFigure.of("figure-dues-behind", 200, "dashboard.dues-behind", Value.count(dues.arrears(c.id(), today).size()))
                        .note("dashboard.dues-behind.note", Value.date(today))
                        .link("savings/arrears"),
                DashboardFigure.of("figure-approvals", 210, "dashboard.approvals", Value.count(approvals.pendingCount(c.id())))
                        .link("ledger/approvals"),
                backup(c));
    }

    private DashboardFigure backup(Cooperative c) {
        return backups.latest()
                .map(b -> DashboardFigure.of("figure-backup", 220, "dashboard.backup", Value.date(LocalDate.ofInstant(b.at(), c.zone())))
                        .note("dashboard.backup.note", Value.plain(b.name())))
                .orElseGet(() -> DashboardFigure.of("figure-backup", 220, "dashboard.backup", Value.text("dashboard.backup.none"))
                        .note("dashboard.backup.none.note"));
    }
}
