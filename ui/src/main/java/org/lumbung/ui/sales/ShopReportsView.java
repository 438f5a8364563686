package org.lumbung.ui.sales;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.ShopReports;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.EChart;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The shop's reports: sales of a period by product, category, member or month with cost and gross margin, drawn as a
 * chart (ECharts), the period's totals, and the slow movers — what holds stock and sold least lately.
 */
@Route("shop/reports")
@RequiresAbility("READ_SHOP")
@Menu(title = "nav.shop.reports", order = 680, icon = "vaadin:chart")
@MenuGroup("nav.group.shop")
public class ShopReportsView extends VerticalLayout implements HasDynamicTitle {

    private final ShopReports reports;
    private final Cooperative cooperative;
    private final LocalDate today;
    private final DateField from;
    private final DateField to;
    private final RadioButtonGroup<ShopReports.By> by = new RadioButtonGroup<>();
    private final Grid<ShopReports.Row> grid = new Grid<>();
    private final Span total = new Span();
    private final EChart chart = new EChart("report-chart", "320px");
    private final IntegerField days = new IntegerField();
    private final Grid<ShopReports.SlowMover> slow = new Grid<>();

    public ShopReportsView(CurrentCooperative current, ShopReports reports, Clock clock) {
        this.reports = reports;
        this.cooperative = current.require();
        this.today = cooperative.today(clock);
        this.from = new DateField(getTranslation("shop.ui.from"), today.withDayOfYear(1));
        this.to = new DateField(getTranslation("shop.ui.to"), today);
        from.setId("report-from");
        to.setId("report-to");
        by.setId("report-by");
        by.setLabel(getTranslation("shop.ui.report.by"));
        by.setItems(ShopReports.By.values());
        by.setItemLabelGenerator(b -> getTranslation("shop.ui.report.by." + b.name()));
        by.setValue(ShopReports.By.MONTH);
        from.addValueChangeListener(e -> showSales());
        to.addValueChangeListener(e -> showSales());
        by.addValueChangeListener(e -> showSales());
        HorizontalLayout filter = new HorizontalLayout(from, to, by);
        filter.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        total.setId("report-total");
        configureGrid();
        configureSlow();
        add(new H2(getTranslation("nav.shop.reports")), filter, total, chart, grid,
                new H3(getTranslation("shop.ui.report.slow")), days, slow);
        showSales();
        showSlow();
    }

    private void configureGrid() {
        grid.setId("report-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(this::rowName).setHeader(getTranslation("shop.ui.report.row")).setFlexGrow(2);
        grid.addColumn(r -> ShopTexts.quantity(r.quantity(), getLocale())).setHeader(getTranslation("shop.ui.quantity"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> money(r.sales())).setHeader(getTranslation("shop.ui.report.sales")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> money(r.cost())).setHeader(getTranslation("shop.ui.report.cost")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> money(r.margin())).setHeader(getTranslation("shop.ui.report.margin")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> Formats.percent(r.marginPercent(), getLocale())).setHeader(getTranslation("shop.ui.report.margin-percent"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    private void configureSlow() {
        days.setId("report-slow-days");
        days.setLabel(getTranslation("shop.ui.report.slow.days"));
        days.setMin(1);
        days.setMax(366);
        days.setValue(30);
        days.addValueChangeListener(e -> showSlow());
        slow.setId("report-slow-grid");
        slow.setAllRowsVisible(true);
        slow.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        slow.addColumn(ShopReports.SlowMover::code).setHeader(getTranslation("shop.ui.code")).setAutoWidth(true);
        slow.addColumn(m -> m.name().in(getLocale())).setHeader(getTranslation("shop.ui.name")).setFlexGrow(2);
        slow.addColumn(m -> ShopTexts.quantity(m.sold(), getLocale()) + " " + m.unit()).setHeader(getTranslation("shop.ui.report.slow.sold"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        slow.addColumn(m -> m.lastSale() == null ? "–" : Formats.date(m.lastSale(), getLocale()))
                .setHeader(getTranslation("shop.ui.report.slow.last")).setAutoWidth(true);
        slow.addColumn(m -> ShopTexts.quantity(m.stockQuantity(), getLocale()) + " " + m.unit()).setHeader(getTranslation("shop.ui.in-stock"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        slow.addColumn(m -> money(m.stockValue())).setHeader(getTranslation("shop.ui.value")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
    }

    /** A product or member by name with its code or number, a category or month as it is; walk-in customers named so. */
    private String rowName(ShopReports.Row r) {
        return switch (by.getValue()) {
            case PRODUCT -> r.key() + " — " + r.label().in(getLocale());
            case MEMBER -> r.key().isEmpty() ? getTranslation("shop.ui.report.walk-in") : r.key() + " — " + r.label().in(getLocale());
            case MONTH -> Formats.month(YearMonth.parse(r.key()), getLocale());
            case CATEGORY -> r.key();
        };
    }

    private void showSales() {
        if (from.getValue() == null || to.getValue() == null || by.getValue() == null) {
            return;
        }
        try {
            ShopReports.Sales sales = reports.sales(cooperative.id(), by.getValue(), from.getValue(), to.getValue());
            grid.setItems(sales.rows());
            ShopReports.Row sum = sales.total();
            String text = getTranslation("shop.ui.report.total", money(sum.sales()), money(sum.cost()), money(sum.margin()),
                    Formats.percent(sum.marginPercent(), getLocale()));
            total.setText(sales.complete() ? text : text + " " + getTranslation("shop.ui.report.largest",
                    Formats.number(sales.rows().size(), getLocale()), Formats.number(sales.rowCount(), getLocale())));
            drawChart(sales.rows());
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    /** Sales and margin per row as bars. */
    private void drawChart(List<ShopReports.Row> rows) {
        String sales = getTranslation("shop.ui.report.sales");
        String margin = getTranslation("shop.ui.report.margin");
        chart.setOption(Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("data", List.of(sales, margin)),
                "grid", Map.of("containLabel", true),
                "xAxis", Map.of("type", "category", "data", rows.stream().map(this::rowName).toList()),
                "yAxis", Map.of("type", "value"),
                "series", List.of(
                        Map.of("name", sales, "type", "bar", "data", rows.stream().map(r -> plain(r.sales())).toList()),
                        Map.of("name", margin, "type", "bar", "data", rows.stream().map(r -> plain(r.margin())).toList()))));
    }

    private void showSlow() {
        if (days.getValue() == null || days.isInvalid()) {
            return;
        }
        try {
            slow.setItems(reports.slowMovers(cooperative.id(), today, days.getValue(), 20));
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private String money(BigDecimal amount) {
        return Formats.money(amount.setScale(2, RoundingMode.HALF_EVEN), cooperative.baseCurrency(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.reports") + " — Lumbung";
    }
}
