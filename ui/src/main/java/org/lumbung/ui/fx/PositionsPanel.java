package org.lumbung.ui.fx;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.lumbung.fx.DatedRate;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.fx.ForeignCurrencyAccounts;
import org.lumbung.fx.FxConversions;
import org.lumbung.fx.FxPosition;
import org.lumbung.fx.FxRevaluation;
import org.lumbung.fx.FxTrading;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.i18n.Rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What the cooperative holds of each foreign currency, in both currencies: the amount held, its carrying cost and
 * rate, what it is worth at today's rate and the unrealized result; and, for who may post, the month-end
 * revaluation of last month.
 */
class PositionsPanel extends VerticalLayout {

    /** A position with today's rate (null when the currency has none yet). */
    record Row(FxPosition position, Optional<DatedRate> rate, String base) {

        Optional<BigDecimal> worth() {
            return rate.map(r -> FxConversions.convert(position.held(), r.rate(), base));
        }
    }

    private final Grid<Row> grid = new Grid<>();

    PositionsPanel(ForeignCurrencyAccounts accounts, FxTrading trading, ExchangeRateService rates, FxRevaluation revaluation,
                   long cooperativeId, String base, LocalDate today, boolean mayRevalue) {
        setPadding(false);
        build();
        List<Row> rows = accounts.positionCurrencies(cooperativeId).stream()
                .map(c -> new Row(trading.position(cooperativeId, c), rates.rateOn(cooperativeId, c, today), base)).toList();
        grid.setItems(rows);
        add(new H3(getTranslation("fx.positions.title")), grid);
        if (mayRevalue) {
            YearMonth last = YearMonth.from(today).minusMonths(1);
            Button revalue = new Button(getTranslation("fx.positions.revalue", Formats.month(last, getLocale())), e -> {
                try {
                    FxRevaluation.Run run = revaluation.revalue(cooperativeId, last);
                    Notifications.success(getTranslation(run.replayed() ? "fx.positions.revalued-before" : "fx.positions.revalued",
                            Formats.month(last, getLocale())));
                } catch (DomainException ex) {
                    Notifications.refused(ex);
                }
            });
            revalue.setId("positions-revalue");
            add(revalue);
        }
    }

    private void build() {
        grid.setId("positions-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> Formats.money(r.position().held(), r.position().currency(), getLocale()))
                .setHeader(getTranslation("fx.positions.held")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> Formats.money(r.position().cost(), r.base(), getLocale()))
                .setHeader(getTranslation("fx.positions.cost")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.position().carryingRate() == null ? "–" : Rates.format(r.position().carryingRate(), getLocale()))
                .setHeader(getTranslation("fx.positions.carrying-rate")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.rate().map(x -> Rates.format(x.rate(), getLocale())).orElse("–"))
                .setHeader(getTranslation("fx.positions.rate")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.worth().map(w -> Formats.money(w, r.base(), getLocale())).orElse("–"))
                .setHeader(getTranslation("fx.positions.worth")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.worth().map(w -> Formats.money(w.subtract(r.position().cost()), r.base(), getLocale())).orElse("–"))
                .setHeader(getTranslation("fx.positions.unrealized")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
