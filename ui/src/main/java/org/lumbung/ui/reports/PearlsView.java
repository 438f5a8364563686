package org.lumbung.ui.reports;

import org.lumbung.ui.i18n.Formats;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.reports.Pearls;
import org.lumbung.reports.PearlsRatio;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.EChart;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WOCCU PEARLS ratios at a date, each with its formula, target and traffic light, and their trend over the last
 * twelve month ends (ECharts).
 */
@Route("reports/pearls")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.pearls", order = 520, icon = "vaadin:dashboard")
@MenuGroup("nav.group.reports")
public class PearlsView extends VerticalLayout implements HasDynamicTitle {

    static final int TREND_MONTHS = 12;
    private static final Map<PearlsRatio.Light, String> COLOURS = Map.of(PearlsRatio.Light.GREEN, "var(--lumo-success-color)",
            PearlsRatio.Light.AMBER, "var(--lumo-warning-color, #e8a317)", PearlsRatio.Light.RED, "var(--lumo-error-color)",
            PearlsRatio.Light.NONE, "var(--lumo-contrast-30pct)");

    private final Pearls pearls;
    private final Cooperative cooperative;
    private final DatePicker asOf = new DateField();
    private final Grid<Pearls.Value> grid = new Grid<>();
    private final EChart trend = new EChart("pearls-trend", "20em");

    public PearlsView(CurrentCooperative cooperatives, Pearls pearls, Clock clock) {
        this.pearls = pearls;
        this.cooperative = cooperatives.require();
        setSizeFull();
        asOf.setId("pearls-as-of");
        asOf.setLabel(getTranslation("statements.as-of"));
        grid.setId("pearls-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::light).setHeader("").setWidth("3em").setFlexGrow(0);
        grid.addColumn(v -> v.ratio().name()).setHeader(getTranslation("pearls.ratio")).setWidth("4em").setFlexGrow(0);
        grid.addColumn(v -> getTranslation(v.ratio().nameKey())).setHeader(getTranslation("pearls.name")).setFlexGrow(2);
        grid.addColumn(v -> getTranslation(v.ratio().formulaKey())).setHeader(getTranslation("pearls.formula")).setFlexGrow(3);
        grid.addColumn(v -> percent(v.percent())).setHeader(getTranslation("pearls.value")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(v -> v.ratio().target()).setHeader(getTranslation("pearls.target")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        asOf.addValueChangeListener(e -> load());
        add(new H2(getTranslation("nav.pearls")), asOf, grid, new H3(getTranslation("pearls.trend")), trend);
        asOf.setValue(cooperative.today(clock));
    }

    private void load() {
        if (asOf.getValue() == null) {
            return;
        }
        List<Pearls.Month> months = pearls.trend(cooperative.id(), asOf.getValue(), TREND_MONTHS);
        Pearls.Month last = months.get(months.size() - 1);
        grid.setItems(List.of(PearlsRatio.values()).stream().map(r -> last.values().get(r)).toList());
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        for (PearlsRatio r : PearlsRatio.values()) {
            series.put(r.name(), months.stream().map(m -> m.value(r).percent()).toList());
        }
        trend.setOption(EChart.lines(months.stream().map(m -> Formats.month(YearMonth.from(m.asOf()), getLocale())).toList(), series, "line", " %"));
    }

    private Span light(Pearls.Value v) {
        Span dot = new Span();
        dot.getElement().setAttribute("title", getTranslation("pearls.light." + v.light().name()));
        dot.getElement().setAttribute("aria-label", getTranslation("pearls.light." + v.light().name()));
        dot.getStyle().set("display", "inline-block").set("width", "1em").set("height", "1em").set("border-radius", "50%")
                .set("background", COLOURS.get(v.light()));
        return dot;
    }

    private String percent(@Nullable BigDecimal value) {
        if (value == null) {
            return "–";
        }
        return Formats.percent(value, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.pearls") + " — Lumbung";
    }
}
