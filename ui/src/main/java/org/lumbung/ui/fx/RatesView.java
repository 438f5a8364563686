package org.lumbung.ui.fx;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.fx.DatedRate;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.ForeignCurrencyAccounts;
import org.lumbung.fx.FxAbility;
import org.lumbung.fx.FxRevaluation;
import org.lumbung.fx.FxTrading;
import org.lumbung.fx.NewRate;
import org.lumbung.fx.RateImport;
import org.lumbung.fx.RateRow;
import org.lumbung.fx.RecordedRate;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.EChart;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.i18n.Rates;
import org.lumbung.ui.security.RequiresAbility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Exchange rates: a warning for each currency whose latest rate is stale, a currency's rates as a grid and a chart
 * over the last year (ECharts from its webjar), a rate entered by hand, a rate sheet imported after a dry run, and —
 * for a chair — the outlying rates waiting for her confirmation.
 */
@Route("fx/rates")
@RequiresAbility("READ_RATES")
@Menu(title = "nav.fx.rates", order = 450, icon = "vaadin:exchange")
@MenuGroup("nav.group.fx")
public class RatesView extends VerticalLayout implements HasDynamicTitle {

    private static final int CHART_DAYS = 365;

    private final ExchangeRateService rates;
    private final Cooperative cooperative;
    private final LocalDate today;
    private final Div warnings = new Div();
    private final ComboBox<String> currency = new ComboBox<>();
    private final Grid<RateRow> history = new Grid<>();
    private final Grid<RateRow> pending = new Grid<>();
    private final EChart chart = new EChart("rates-chart", "16em");

    public RatesView(CurrentCooperative current, ExchangeRateService rates, RateImport imports, Clock clock,
                     ForeignCurrencyAccounts accounts, FxTrading trading, FxRevaluation revaluation) {
        this.rates = rates;
        this.cooperative = current.require();
        this.today = cooperative.today(clock);
        setWidthFull();
        warnings.setId("rates-warnings");
        currency.setId("rates-currency");
        currency.setLabel(getTranslation("fx.rates.currency"));
        currency.addValueChangeListener(e -> showCurrency());
        buildHistory();
        add(new H2(getTranslation("nav.fx.rates")), warnings, currency, chart, history, new PositionsPanel(accounts, trading,
                rates, revaluation, cooperative.id(), cooperative.baseCurrency(), today, current.may(FxAbility.RECORD_RATES)));
        if (current.may(FxAbility.RECORD_RATES)) {
            add(entryForm(), new RateImportPanel(imports, cooperative.id(), this::refresh));
        }
        if (current.may(FxAbility.DECIDE_RATES)) {
            buildPending();
            add(new H3(getTranslation("fx.rates.pending")), pending);
        }
        refresh();
    }

    private void refresh() {
        List<String> currencies = rates.currencies(cooperative.id());
        String chosen = Optional.ofNullable(currency.getValue()).filter(currencies::contains)
                .orElse(currencies.isEmpty() ? null : currencies.get(0));
        currency.setItems(currencies);
        currency.setValue(chosen);
        showWarnings(currencies);
        if (pending.getParent().isPresent()) {
            pending.setItems(rates.pending(cooperative.id()));
        }
    }

    /** One line per currency whose rate for today is older than the cooperative's staleness limit. */
    private void showWarnings(List<String> currencies) {
        warnings.removeAll();
        for (String c : currencies) {
            rates.rateOn(cooperative.id(), c, today).filter(DatedRate::stale).ifPresent(r -> {
                Span warning = new Span(getTranslation("fx.rates.stale", c, Formats.date(r.rateDate(), getLocale())));
                warning.getElement().getThemeList().add("badge warning");
                warning.setId("rates-stale-" + c);
                warnings.add(warning);
            });
        }
    }

    private void buildHistory() {
        history.setId("rates-grid");
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.addColumn(r -> Formats.date(r.rateDate(), getLocale())).setHeader(getTranslation("fx.rates.date")).setAutoWidth(true);
        history.addColumn(r -> Rates.format(r.rate(), getLocale())).setHeader(getTranslation("fx.rates.rate"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        history.addColumn(RateRow::source).setHeader(getTranslation("fx.rates.source")).setAutoWidth(true);
        history.addColumn(r -> getTranslation("fx.rates.status." + r.status())).setHeader(getTranslation("fx.rates.status"));
        history.setHeight("20em");
    }

    private void showCurrency() {
        String c = currency.getValue();
        List<RateRow> rows = c == null ? List.of() : rates.history(cooperative.id(), c, today.minusDays(CHART_DAYS), today);
        history.setItems(rows);
        drawChart(c, rows);
    }

    /** The active rates of the last year, oldest first, as a line. */
    private void drawChart(@Nullable String c, List<RateRow> rows) {
        List<RateRow> active = rows.stream().filter(r -> "ACTIVE".equals(r.status()))
                .sorted(Comparator.comparing(RateRow::rateDate)).toList();
        Map<String, Object> option = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "title", Map.of("text", c == null ? "" : getTranslation("fx.rates.chart", c, cooperative.baseCurrency()),
                        "textStyle", Map.of("fontSize", 14)),
                "xAxis", Map.of("type", "category", "data", active.stream().map(r -> Formats.date(r.rateDate(), getLocale())).toList()),
                "yAxis", Map.of("type", "value", "scale", true),
                "series", List.of(Map.of("name", c == null ? "" : c, "type", "line", "showSymbol", false,
                        "data", active.stream().map(r -> r.rate().toPlainString()).toList())));
        chart.setOption(option);
    }

    /** A rate entered by hand: currency, day, rate; an outlying one waits for a chair. */
    private FlexLayout entryForm() {
        TextField code = new TextField(getTranslation("fx.rates.currency"));
        code.setId("rates-entry-currency");
        code.setMaxLength(3);
        code.setWidth("6em");
        DatePicker day = new DateField(getTranslation("fx.rates.date"));
        day.setValue(today);
        day.setId("rates-entry-date");
        day.setMax(today);
        TextField rate = new TextField(getTranslation("fx.rates.rate"));
        rate.setId("rates-entry-rate");
        rate.setMaxLength(22);
        rate.setHelperText(getTranslation("fx.rates.rate-hint", cooperative.baseCurrency()));
        Button save = new Button(getTranslation("fx.rates.save"), e -> enter(code.getValue(), day.getValue(), rate.getValue()));
        save.setId("rates-entry-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(code, day, rate, save);
        form.setId("rates-entry");
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        return form;
    }

    private void enter(@Nullable String code, @Nullable LocalDate day, @Nullable String rate) {
        try {
            RecordedRate r = rates.record(cooperative.id(), List.of(new NewRate(code == null ? null : code.strip().toUpperCase(
                    Locale.ROOT), day, Rates.parse(rate == null ? "" : rate, getLocale()), "ENTERED"))).get(0);
            if (r.outcome() == RecordedRate.Outcome.PENDING) {
                Notifications.warning("fx.rate.pending", List.<Object>of(r.currency(),
                        r.previous() == null ? "" : Rates.format(r.previous(), getLocale())));
            } else {
                Notifications.success(getTranslation("fx.rates.saved", r.currency(), Formats.date(r.rateDate(), getLocale())));
            }
            currency.setValue(null);
            refresh();
            currency.setValue(r.currency());
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private void buildPending() {
        pending.setId("rates-pending");
        pending.addThemeVariants(GridVariant.LUMO_COMPACT);
        pending.setAllRowsVisible(true);
        pending.addColumn(RateRow::currency).setHeader(getTranslation("fx.rates.currency")).setAutoWidth(true);
        pending.addColumn(r -> Formats.date(r.rateDate(), getLocale())).setHeader(getTranslation("fx.rates.date")).setAutoWidth(true);
        pending.addColumn(r -> Rates.format(r.rate(), getLocale())).setHeader(getTranslation("fx.rates.rate")).setAutoWidth(true);
        pending.addColumn(RateRow::enteredBy).setHeader(getTranslation("fx.rates.entered-by")).setAutoWidth(true);
        pending.addComponentColumn(r -> new FlexLayout(decision(r, true), decision(r, false)));
    }

    private Button decision(RateRow r, boolean confirm) {
        Button b = new Button(getTranslation(confirm ? "fx.rates.confirm" : "fx.rates.reject"), e -> {
            try {
                rates.decide(cooperative.id(), r.id(), confirm);
                Notifications.success(getTranslation(confirm ? "fx.rates.confirmed" : "fx.rates.rejected", r.currency()));
                refresh();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        b.setId((confirm ? "rates-confirm-" : "rates-reject-") + r.id());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, confirm ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_ERROR);
        return b;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        showCurrency();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.fx.rates") + " — Lumbung";
    }
}
