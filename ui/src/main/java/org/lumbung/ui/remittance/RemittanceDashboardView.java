package org.lumbung.ui.remittance;

import com.vaadin.flow.component.AttachEvent;
import org.lumbung.ui.components.EChart;
import org.lumbung.ui.components.DateRange;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.remittance.RemittanceReceipt;
import org.lumbung.remittance.RemittanceReports;
import org.lumbung.remittance.RemittanceReports.Inflow;
import org.lumbung.remittance.RemittanceReports.PutToWork;
import org.lumbung.remittance.RemittanceReports.SendingCost;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The corridor reports of a period: inflows by month and corridor (chart) and by corridor, currency and channel;
 * the share put to work (chart); the cost of sending per corridor and channel against the 3 % target.
 */
@Route("remittances/dashboard")
@RequiresAbility("VIEW_REMITTANCES")
@Menu(title = "nav.remittance.dashboard", order = 460, icon = "vaadin:chart")
@MenuGroup("nav.group.remittances")
public class RemittanceDashboardView extends VerticalLayout implements HasDynamicTitle {

    private final RemittanceReports reports;
    private final Cooperative cooperative;
    private final DateRange days;
    private final EChart inflowChart = new EChart("remit-chart-inflows", "280px");
    private final EChart workChart = new EChart("remit-chart-work", "280px");
    private final Grid<Inflow> inflows = new Grid<>();
    private final Grid<SendingCost> costs = new Grid<>();
    private final Paragraph work = new Paragraph();

    public RemittanceDashboardView(CurrentCooperative current, RemittanceReports reports, Clock clock) {
        this.reports = reports;
        this.cooperative = current.require();
        LocalDate today = cooperative.today(clock);
        days = DateRange.closed("remit-report", getTranslation("remit.from"), getTranslation("remit.to"),
                today.minusMonths(11).withDayOfMonth(1), today);
        days.onChange(this::load);
        work.setId("remit-put-to-work");
        inflowColumns();
        costColumns();
        add(new H2(getTranslation("nav.remittance.dashboard")), days,
                new H3(getTranslation("remit.report.inflows")), inflowChart, inflows,
                new H3(getTranslation("remit.report.work")), work, workChart,
                new H3(getTranslation("remit.report.cost")), new Paragraph(getTranslation("remit.report.cost.hint",
                        Formats.decimal(RemittanceReports.COST_TARGET_PERCENT, getLocale()))), costs);
    }

    private void inflowColumns() {
        inflows.setId("remit-inflows");
        inflows.addThemeVariants(GridVariant.LUMO_COMPACT);
        inflows.setAllRowsVisible(true);
        inflows.addColumn(i -> Formats.month(i.month(), getLocale())).setHeader(getTranslation("remit.month"));
        inflows.addColumn(i -> RemittanceReceipt.country(i.corridor(), getLocale())).setHeader(getTranslation("remit.corridor"));
        inflows.addColumn(i -> getTranslation("remittance.channel." + i.channel().name())).setHeader(getTranslation("remit.channel"));
        inflows.addColumn(i -> Formats.number(i.count(), getLocale())).setHeader(getTranslation("remit.count")).setTextAlign(ColumnTextAlign.END);
        inflows.addColumn(i -> Formats.money(i.sent(), i.currency(), getLocale())).setHeader(getTranslation("remit.sent"))
                .setTextAlign(ColumnTextAlign.END);
        inflows.addColumn(i -> Formats.money(i.received(), cooperative.baseCurrency(), getLocale()))
                .setHeader(getTranslation("remit.received")).setTextAlign(ColumnTextAlign.END);
    }

    private void costColumns() {
        costs.setId("remit-costs");
        costs.addThemeVariants(GridVariant.LUMO_COMPACT);
        costs.setAllRowsVisible(true);
        costs.addColumn(c -> RemittanceReceipt.country(c.corridor(), getLocale())).setHeader(getTranslation("remit.corridor"));
        costs.addColumn(c -> getTranslation("remittance.channel." + c.channel().name())).setHeader(getTranslation("remit.channel"));
        costs.addColumn(s -> Formats.number(s.count(), getLocale())).setHeader(getTranslation("remit.count")).setTextAlign(ColumnTextAlign.END);
        costs.addColumn(c -> Formats.money(c.sent(), c.currency(), getLocale())).setHeader(getTranslation("remit.sent"))
                .setTextAlign(ColumnTextAlign.END);
        costs.addColumn(c -> Formats.money(c.fees(), c.currency(), getLocale())).setHeader(getTranslation("remit.sender-fee"))
                .setTextAlign(ColumnTextAlign.END);
        costs.addColumn(c -> Formats.money(c.margin(), c.currency(), getLocale())).setHeader(getTranslation("remit.margin"))
                .setTextAlign(ColumnTextAlign.END);
        costs.addColumn(c -> c.percent() == null ? getTranslation("remit.cost.no-reference")
                        : Formats.percent(c.percent(), getLocale()) + " " + getTranslation(c.withinTarget() ? "remit.cost.within" : "remit.cost.above"))
                .setHeader(getTranslation("remit.cost")).setTextAlign(ColumnTextAlign.END);
    }

    private void load(DateRange.Days chosen) {
        LocalDate first = chosen.first();
        LocalDate last = chosen.last();
        List<Inflow> rows = reports.inflows(cooperative.id(), first, last);
        inflows.setItems(rows);
        costs.setItems(reports.costOfSending(cooperative.id(), first, last));
        PutToWork p = reports.putToWork(cooperative.id(), first, last, cooperative.baseCurrency());
        work.setText(getTranslation("remit.report.work.text", Formats.decimal(p.percent(), getLocale()),
                Formats.money(p.received(), cooperative.baseCurrency(), getLocale())));
        inflowChart.setOption(inflowOption(rows));
        workChart.setOption(workOption(p));
    }

    /** Stacked bars: what arrived each month, in the cooperative's currency, one colour per corridor. */
    private Map<String, Object> inflowOption(List<Inflow> rows) {
        List<YearMonth> months = rows.stream().map(Inflow::month).distinct().sorted().toList();
        Map<String, Map<YearMonth, BigDecimal>> byCorridor = rows.stream().collect(Collectors.groupingBy(Inflow::corridor,
                TreeMap::new, Collectors.groupingBy(Inflow::month, Collectors.reducing(BigDecimal.ZERO, Inflow::received, BigDecimal::add))));
        List<Map<String, Object>> series = byCorridor.entrySet().stream().map(e -> Map.<String, Object>of(
                "name", RemittanceReceipt.country(e.getKey(), getLocale()), "type", "bar", "stack", "all",
                "data", months.stream().map(m -> e.getValue().getOrDefault(m, BigDecimal.ZERO).toPlainString()).toList())).toList();
        return Map.of("tooltip", Map.of("trigger", "axis"), "legend", Map.of("type", "scroll"),
                "xAxis", Map.of("type", "category", "data", months.stream().map(m -> Formats.month(m, getLocale())).toList()),
                "yAxis", Map.of("type", "value"), "series", series);
    }

    /** A pie of where the money went. */
    private Map<String, Object> workOption(PutToWork p) {
        List<Map<String, Object>> data = List.of(slice("SAVINGS", p.savings()), slice("LOAN_REPAYMENT", p.loanRepayments()),
                slice("CASH", p.cash()), slice("FEE", p.fees()));
        return Map.of("tooltip", Map.of("trigger", "item"), "legend", Map.of("bottom", 0),
                "series", List.of(Map.of("type", "pie", "radius", List.of("40%", "70%"), "data", data)));
    }

    private Map<String, Object> slice(String kind, BigDecimal value) {
        return Map.of("name", getTranslation("remittance.kind." + kind), "value", value.toPlainString());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        days.days().ifPresent(this::load);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.remittance.dashboard") + " — Lumbung";
    }
}
