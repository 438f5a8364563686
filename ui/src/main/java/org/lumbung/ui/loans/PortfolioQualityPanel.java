package org.lumbung.ui.loans;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.jspecify.annotations.Nullable;
import org.lumbung.loans.closing.Collectibility;
import org.lumbung.loans.closing.PortfolioBreakdown;
import org.lumbung.loans.closing.PortfolioDimension;
import org.lumbung.loans.closing.SegmentQuality;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.EChart;
import org.lumbung.ui.components.GridExport;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The portfolio's quality over a period ending on the chosen business date — whole, by loan product or by
 * loan officer: PAR, aging by class, write-off ratio, yield and provisions coverage in a grid (CSV / XLSX
 * export), the allowance against the required provisions, and the chosen row's monthly trend. The figures and
 * their definitions are {@link SegmentQuality}'s.
 */
class PortfolioQualityPanel extends VerticalLayout {

    /** The trend covers the year up to the chosen date. */
    private static final int TREND_MONTHS = 12;

    private final PortfolioBreakdown breakdown;
    private final long cooperativeId;
    private final String currency;
    private final Select<PortfolioDimension> by = new Select<>();
    private final DatePicker from = new DateField();
    private final Paragraph summary = new Paragraph();
    private final Grid<SegmentQuality> grid = new Grid<>();
    private final EChart chart = new EChart("quality-trend", "18em");
    private @Nullable LocalDate to;

    PortfolioQualityPanel(PortfolioBreakdown breakdown, long cooperativeId, String currency) {
        this.breakdown = breakdown;
        this.cooperativeId = cooperativeId;
        this.currency = currency;
        setPadding(false);
        by.setId("quality-by");
        by.setLabel(getTranslation("loans.quality.by"));
        by.setItems(PortfolioDimension.values());
        by.setItemLabelGenerator(d -> getTranslation("loans.quality.by." + d.name()));
        by.setValue(PortfolioDimension.WHOLE);
        by.addValueChangeListener(e -> refresh());
        from.setId("quality-from");
        from.setLabel(getTranslation("loans.quality.from"));
        from.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refresh();
            }
        });
        summary.setId("quality-summary");
        buildGrid();
        HorizontalLayout bar = new HorizontalLayout(by, from, new GridExport<>(grid, "portfolio-quality"));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("loans.quality.title")), bar, summary, grid, new Paragraph(getTranslation("loans.quality.explained")),
                new H3(getTranslation("loans.quality.trend")), chart);
    }

    private void buildGrid() {
        grid.setId("portfolio-quality");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        GridExport.column(grid, q -> q.segment() == null ? getTranslation("loans.quality.whole") : q.label())
                .setHeader(getTranslation("loans.quality.segment")).setAutoWidth(true).setFrozen(true);
        GridExport.column(grid, q -> Formats.number(q.loans(), getLocale())).setHeader(getTranslation("loans.close.loans"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        amount("loans.close.outstanding", SegmentQuality::outstanding);
        percent("loans.close.par1", SegmentQuality::par1Percent);
        percent("loans.close.par30", SegmentQuality::par30Percent);
        percent("loans.close.par90", SegmentQuality::par90Percent);
        for (Collectibility k : Collectibility.values()) {
            amount("loans.quality.class." + k.name(), q -> q.aging().get(k.ordinal()));
        }
        percent("loans.quality.write-off-ratio", SegmentQuality::writeOffRatio);
        percent("loans.quality.yield", SegmentQuality::portfolioYield);
        percent("loans.quality.coverage", SegmentQuality::provisionsCoverage);
        grid.asSingleSelect().addValueChangeListener(e -> drawTrend(e.getValue()));
    }

    private void amount(String header, Function<SegmentQuality, BigDecimal> value) {
        GridExport.column(grid, q -> Formats.amount(value.apply(q), currency, getLocale())).setHeader(getTranslation(header))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    private void percent(String header, Function<SegmentQuality, @Nullable BigDecimal> value) {
        GridExport.column(grid, q -> percent(value.apply(q))).setHeader(getTranslation(header))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    private String percent(@Nullable BigDecimal value) {
        return value == null ? "–" : Formats.percent(value, getLocale());
    }

    /** Shows the period ending on {@code date}, from the first of its month unless the reader chose a start. */
    void show(@Nullable LocalDate date) {
        to = date;
        if (date != null && (from.getValue() == null || from.getValue().isAfter(date))) {
            from.setValue(date.withDayOfMonth(1));
        }
        from.setMax(date);
        refresh();
    }

    private void refresh() {
        Optional<PortfolioBreakdown.Breakdown> b = to == null || from.getValue() == null ? Optional.empty()
                : breakdown.quality(cooperativeId, by.getValue(), from.getValue(), to);
        List<SegmentQuality> rows = new ArrayList<>();
        b.ifPresent(x -> {
            rows.addAll(x.segments());
            rows.add(x.whole());
        });
        grid.setItems(rows);
        summary.setText(b.map(x -> getTranslation("loans.quality.summary", Formats.date(x.whole().asOf(), getLocale()),
                Formats.money(x.whole().allowance(), currency, getLocale()),
                Formats.money(x.whole().requiredProvision(), currency, getLocale()), percent(x.provisionRatio())))
                .orElse(getTranslation("loans.close.not-closed")));
        drawTrend(b.map(PortfolioBreakdown.Breakdown::whole).orElse(null));
    }

    /** The monthly trend of the row (the whole when none is chosen) over the year up to the period's end. */
    private void drawTrend(@Nullable SegmentQuality row) {
        if (to == null) {
            return;
        }
        PortfolioDimension dimension = row == null || row.segment() == null ? PortfolioDimension.WHOLE : by.getValue();
        List<SegmentQuality> months = breakdown.trend(cooperativeId, dimension, row == null ? null : row.segment(),
                to.minusMonths(TREND_MONTHS - 1L).withDayOfMonth(1), to);
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        series.put(getTranslation("loans.close.par30"), months.stream().map(SegmentQuality::par30Percent).toList());
        series.put(getTranslation("loans.quality.write-off-ratio"), months.stream().map(SegmentQuality::writeOffRatio).toList());
        series.put(getTranslation("loans.quality.yield"), months.stream().map(SegmentQuality::portfolioYield).toList());
        series.put(getTranslation("loans.quality.coverage"), months.stream().map(SegmentQuality::provisionsCoverage).toList());
        List<String> labels = months.stream().map(m -> Formats.month(YearMonth.from(m.to()), getLocale())).toList();
        chart.setOption(EChart.lines(labels, series, "line", " %"));
    }
}
