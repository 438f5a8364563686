package org.lumbung.ui.loans;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.loans.closing.ClassFigures;
import org.lumbung.loans.closing.CloseOfBusiness;
import org.lumbung.loans.closing.LateBorrower;
import org.lumbung.loans.closing.Portfolio;
import org.lumbung.loans.closing.PortfolioBreakdown;
import org.lumbung.loans.closing.PortfolioSnapshot;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.EChart;
import org.lumbung.ui.components.FigureCard;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The portfolio and its arrears as the close of business left them: PAR and the five collectibility
 * classes of a closed business date, the PAR trend, the portfolio's quality whole or by product or loan
 * officer ({@link PortfolioQualityPanel}), and the late borrowers with their phone numbers for the field visit
 * and a reminder in each one's language to copy into a chat.
 */
@Route("loans/portfolio")
@RequiresAbility("READ_LOANS")
@Menu(title = "nav.loans.portfolio", order = 370, icon = "vaadin:chart")
@MenuGroup("nav.group.loans")
public class PortfolioView extends VerticalLayout implements HasDynamicTitle {

    private static final int TREND_DAYS = 180;
    private static final int LATE_PAGE = 200;

    private final Portfolio portfolio;
    private final Cooperative cooperative;
    private final DatePicker date = new DateField();
    private final Div figures = FigureCard.grid();
    private final Grid<ClassFigures> classes = new Grid<>();
    private final Grid<LateBorrower> late = new Grid<>();
    private final EChart chart = new EChart("portfolio-trend", "18em");
    private final Paragraph empty = new Paragraph();
    private final PortfolioQualityPanel quality;

    public PortfolioView(CurrentCooperative current, Portfolio portfolio, CloseOfBusiness close, PortfolioBreakdown breakdown) {
        this.portfolio = portfolio;
        this.cooperative = current.require();
        this.quality = new PortfolioQualityPanel(breakdown, cooperative.id(), cooperative.baseCurrency());
        setSizeFull();
        date.setId("portfolio-date");
        date.setLabel(getTranslation("loans.close.business-date"));
        LocalDate lastClosed = close.businessDate(cooperative.id()).minusDays(1);
        date.setMax(lastClosed);
        date.setValue(lastClosed);
        date.addValueChangeListener(e -> refresh());
        figures.setId("portfolio-figures");
        empty.setId("portfolio-empty");
        buildClasses();
        buildLate();
        add(new H2(getTranslation("nav.loans.portfolio")), date, empty, figures, classes,
                new H3(getTranslation("loans.close.trend")), chart, quality, new H3(getTranslation("loans.close.late-borrowers")), late);
        refresh();
    }

    private void buildClasses() {
        classes.setId("portfolio-classes");
        classes.addThemeVariants(GridVariant.LUMO_COMPACT);
        classes.setAllRowsVisible(true);
        classes.addColumn(f -> getTranslation("loans.close.class." + Objects.requireNonNull(f.collectibility()).name()))
                .setHeader(getTranslation("loans.close.class"));
        classes.addColumn(f -> Formats.number(f.loans(), getLocale())).setHeader(getTranslation("loans.close.loans"))
                .setTextAlign(ColumnTextAlign.END);
        classes.addColumn(f -> Formats.money(f.outstanding(), cooperative.baseCurrency(), getLocale()))
                .setHeader(getTranslation("loans.close.outstanding")).setTextAlign(ColumnTextAlign.END);
        classes.addColumn(f -> Formats.money(f.provision(), cooperative.baseCurrency(), getLocale()))
                .setHeader(getTranslation("loans.close.provision")).setTextAlign(ColumnTextAlign.END);
    }

    private void buildLate() {
        late.setId("portfolio-late");
        late.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        late.setAllRowsVisible(true);
        late.addColumn(LateBorrower::loanNumber).setHeader(getTranslation("loans.close.loan")).setAutoWidth(true);
        late.addColumn(LateBorrower::fullName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        late.addColumn(b -> b.phone() == null ? "" : b.phone()).setHeader(getTranslation("members.phone")).setAutoWidth(true);
        late.addColumn(b -> b.village() == null ? "" : b.village()).setHeader(getTranslation("members.village"));
        late.addColumn(b -> Formats.number(b.daysPastDue(), getLocale())).setHeader(getTranslation("loans.close.days-past-due"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        late.addColumn(b -> getTranslation("loans.close.class." + b.collectibility().name())).setHeader(getTranslation("loans.close.class"));
        late.addColumn(b -> Formats.money(b.overdueAmount(), b.currency(), getLocale())).setHeader(getTranslation("loans.close.overdue"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        late.addComponentColumn(b -> {
            Button remind = new Button(getTranslation("loans.close.reminder-button"), e -> remind(b));
            remind.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return remind;
        }).setAutoWidth(true);
    }

    private void refresh() {
        figures.removeAll();
        LocalDate day = date.getValue();
        var snapshot = day == null ? Optional.<PortfolioSnapshot>empty() : portfolio.snapshot(cooperative.id(), day);
        empty.setVisible(snapshot.isEmpty());
        empty.setText(getTranslation("loans.close.not-closed"));
        classes.setItems(snapshot.map(PortfolioSnapshot::classes).orElse(List.of()));
        snapshot.ifPresent(this::showFigures);
        late.setItems(portfolio.lateBorrowers(cooperative.id(), 0, LATE_PAGE));
        drawTrend(day);
        quality.show(day);
    }

    private void showFigures(PortfolioSnapshot s) {
        String currency = s.currency();
        figures.add(new FigureCard("portfolio-outstanding", getTranslation("loans.close.outstanding"),
                Formats.money(s.total().outstanding(), currency, getLocale()),
                getTranslation("loans.close.loans-count", s.total().loans())));
        figures.add(par("portfolio-par1", "loans.close.par1", s.par1Percent(), s.total().par1Amount(), s.total().par1Loans(), currency));
        figures.add(par("portfolio-par30", "loans.close.par30", s.par30Percent(), s.total().par30Amount(), s.total().par30Loans(), currency));
        figures.add(par("portfolio-par90", "loans.close.par90", s.par90Percent(), s.total().par90Amount(), s.total().par90Loans(), currency));
        figures.add(new FigureCard("portfolio-provision", getTranslation("loans.close.provision"),
                Formats.money(s.total().provision(), currency, getLocale()), null));
    }

    private FigureCard par(String id, String label, BigDecimal percent, BigDecimal amount, int loans, String currency) {
        return new FigureCard(id, getTranslation(label), Formats.percent(percent, getLocale()),
                getTranslation("loans.close.par-note", Formats.money(amount, currency, getLocale()), loans));
    }

    /** The PAR trend of the last months up to the chosen date, drawn by ECharts from its webjar. */
    private void drawTrend(@Nullable LocalDate until) {
        if (until == null) {
            return;
        }
        List<PortfolioSnapshot> days = portfolio.trend(cooperative.id(), until.minusDays(TREND_DAYS), until);
        Map<String, Object> option = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("data", List.of(getTranslation("loans.close.par1"), getTranslation("loans.close.par30"),
                        getTranslation("loans.close.par90"))),
                "xAxis", Map.of("type", "category", "data", days.stream().map(d -> Formats.date(d.businessDate(), getLocale())).toList()),
                "yAxis", Map.of("type", "value", "axisLabel", Map.of("formatter", "{value} %")),
                "series", List.of(series("loans.close.par1", days.stream().map(PortfolioSnapshot::par1Percent).toList()),
                        series("loans.close.par30", days.stream().map(PortfolioSnapshot::par30Percent).toList()),
                        series("loans.close.par90", days.stream().map(PortfolioSnapshot::par90Percent).toList())));
        chart.setOption(option);
    }

    private Map<String, Object> series(String key, List<BigDecimal> values) {
        return Map.of("name", getTranslation(key), "type", "line", "showSymbol", false,
                "data", values.stream().map(BigDecimal::toPlainString).toList());
    }

    private void remind(LateBorrower b) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("loans.close.reminder-title", b.fullName()));
        TextArea text = new TextArea(getTranslation("loans.close.reminder-hint", b.phone() == null ? "–" : b.phone()));
        text.setId("portfolio-reminder");
        text.setValue(portfolio.reminder(cooperative.id(), b));
        text.setWidth("32em");
        text.setReadOnly(true);
        Button copy = new Button(getTranslation("loans.close.copy"), e -> text.getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", text.getValue()));
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(text);
        dialog.getFooter().add(new Button(getTranslation("loans.close.done"), e -> dialog.close()), copy);
        dialog.open();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        drawTrend(date.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.loans.portfolio") + " — Lumbung";
    }
}
