package org.lumbung.reports;

import org.lumbung.backup.BackupService;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Approvals;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.DayMovement;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.reports.DashboardFigure.Value;
import org.lumbung.savings.DuesService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a treasurer acts on today: the cash that came in and went out, the members behind on their mandatory
 * dues, the requests waiting for a second person, and how old the last backup is.
 */
@Component
@Order(100)
class TreasurerFigures implements DashboardFigureContributor {

    /** A backup older than this many days is a warning on the dashboard. */
    static final int BACKUP_WARNING_DAYS = 7;

    private final LedgerQueries ledger;
    private final ChartOfAccounts chart;
    private final DuesService dues;
    private final Approvals approvals;
    private final BackupService backups;

    TreasurerFigures(LedgerQueries ledger, ChartOfAccounts chart, DuesService dues, Approvals approvals, BackupService backups) {
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
                backup(c, today));
    }

    /** The last backup's day; a note that warns when it is more than a week old, with the way to the backups screen. */
    private DashboardFigure backup(Cooperative c, LocalDate today) {
        return backups.lastBackup()
                .map(at -> {
                    LocalDate day = LocalDate.ofInstant(at, c.zone());
                    long days = ChronoUnit.DAYS.between(day, today);
                    DashboardFigure figure = DashboardFigure.of("figure-backup", 220, "dashboard.backup", Value.date(day));
                    return days > BACKUP_WARNING_DAYS ? figure.note("dashboard.backup.old.note", Value.count(days))
                            : figure.note("dashboard.backup.note", Value.count(days));
                })
                .orElseGet(() -> DashboardFigure.of("figure-backup", 220, "dashboard.backup", Value.text("dashboard.backup.none"))
                        .note("dashboard.backup.none.note"))
                .link("backup");
    }
}
