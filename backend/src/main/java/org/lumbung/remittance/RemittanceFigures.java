package org.lumbung.remittance;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.reports.DashboardFigure;
import org.lumbung.reports.DashboardFigure.Value;
import org.lumbung.reports.DashboardFigureContributor;
import org.lumbung.security.AccessTable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** The dashboard's remittance cards: what arrived today, and this month with the share put to work. */
@Component
@Order(150)
class RemittanceFigures implements DashboardFigureContributor {

    private final RemittanceReports reports;
    private final AccessTable access;

    RemittanceFigures(RemittanceReports reports, AccessTable access) {
        this.reports = reports;
        this.access = access;
    }

    @Override
    public List<DashboardFigure> figures(Cooperative c, LocalDate today) {
        if (!access.may(RemittanceAbility.VIEW_REMITTANCES.name())) {
            return List.of();
        }
        String currency = c.baseCurrency();
        RemittanceReports.Arrivals day = reports.arrivals(c.id(), today, today, currency);
        LocalDate first = today.withDayOfMonth(1);
        RemittanceReports.Arrivals month = reports.arrivals(c.id(), first, today, currency);
        RemittanceReports.PutToWork work = reports.putToWork(c.id(), first, today, currency);
        return List.of(
                DashboardFigure.of("figure-remittances-today", 110, "remittance.figure.today", Value.money(day.received(), currency))
                        .note("remittance.figure.today.note", Value.count(day.count()))
                        .link("remittances"),
                DashboardFigure.of("figure-remittances-month", 310, "remittance.figure.month", Value.money(month.received(), currency))
                        .note("remittance.figure.month.note", Value.count(month.count()), Value.percent(work.percent()))
                        .link("remittances/dashboard"));
    }
}
