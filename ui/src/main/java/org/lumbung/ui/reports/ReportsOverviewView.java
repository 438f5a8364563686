package org.lumbung.ui.reports;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.remittance.RemittanceReports;
import org.lumbung.reports.MonthlyTrends;
import org.lumbung.reports.Pearls;
import org.lumbung.reports.PearlsRatio;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.EChart;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The reports' overview: the last twelve months in charts — savings and loans outstanding, PAR30, remittance inflows by
 * corridor, shop sales, and the PEARLS ratios — all drawn by the one {@link EChart} component.
 */
@Route("reports/overview")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.reports-overview", order = 505, icon = "vaadin:chart-line")
@MenuGroup("nav.group.reports")
public class ReportsOverviewView extends VerticalLayout implements HasDynamicTitle {

    static final int MONTHS = 12;

    public ReportsOverviewView(CurrentCooperative cooperatives, MonthlyTrends trends, Pearls pearls,
                               RemittanceReports remittances, Clock clock) {
        Cooperative c = cooperatives.require();
        LocalDate today = c.today(clock);
        List<MonthlyTrends.Month> months = trends.months(c.id(), today, MONTHS);
        // the months as the reader writes them on the axis; remittances are matched to them by the ISO month
        List<String> labels = months.stream().map(m -> Formats.month(m.month(), getLocale())).toList();
        List<YearMonth> monthKeys = months.stream().map(MonthlyTrends.Month::month).toList();
        String unit = " " + c.baseCurrency();
        add(new H2(getTranslation("nav.reports-overview")));
        chart("overview-savings-loans", "overview.savings-loans", EChart.lines(labels, series(months, Map.of(
                "overview.savings", MonthlyTrends.Month::savings, "overview.loans", MonthlyTrends.Month::loans)), "line", ""));
        chart("overview-par", "overview.par30", EChart.lines(labels,
                series(months, Map.of("overview.par30.series", MonthlyTrends.Month::par30Percent)), "line", " %"));
        chart("overview-remittances", "overview.remittances", EChart.lines(labels,
                inflows(remittances.inflows(c.id(), YearMonth.from(today).minusMonths(MONTHS - 1).atDay(1), today), monthKeys),
                "bar", ""));
        chart("overview-shop", "overview.shop-sales", EChart.lines(labels,
                series(months, Map.of("overview.shop-sales.series", MonthlyTrends.Month::shopSales)), "bar", unit));
        List<Pearls.Month> ratios = pearls.trend(c.id(), today, MONTHS);
        Map<String, List<BigDecimal>> pearlsSeries = new LinkedHashMap<>();
        for (PearlsRatio r : PearlsRatio.values()) {
            pearlsSeries.put(r.name(), ratios.stream().map(m -> m.value(r).percent()).toList());
        }
        chart("overview-pearls", "pearls.trend", EChart.lines(labels, pearlsSeries, "line", " %"));
    }

    private void chart(String id, String titleKey, Map<String, Object> option) {
        EChart chart = new EChart(id, "16em");
        chart.setOption(option);
        add(new H3(getTranslation(titleKey)), chart);
    }

    private Map<String, List<BigDecimal>> series(List<MonthlyTrends.Month> months,
                                                 Map<String, Function<MonthlyTrends.Month, BigDecimal>> columns) {
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        new TreeMap<>(columns).forEach((key, column) -> series.put(getTranslation(key), months.stream().map(column).toList()));
        return series;
    }

    /**
     * Remittances received per corridor and month, counted (corridors are sent in different currencies, and the amounts
     * are on the remittances screen); a corridor's missing month: none.
     */
    private static Map<String, List<BigDecimal>> inflows(List<RemittanceReports.Inflow> inflows, List<YearMonth> months) {
        Map<String, Map<YearMonth, BigDecimal>> byCorridor = new TreeMap<>();
        for (RemittanceReports.Inflow i : inflows) {
            byCorridor.computeIfAbsent(i.corridor(), k -> new TreeMap<>())
                    .merge(i.month(), BigDecimal.valueOf(i.count()), BigDecimal::add);
        }
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        byCorridor.forEach((corridor, counts) -> series.put(corridor,
                months.stream().map(m -> counts.getOrDefault(m, BigDecimal.ZERO)).toList()));
        return series;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.reports-overview") + " — Lumbung";
    }
}
