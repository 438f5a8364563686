package org.lumbung.ui.ledger;

import org.lumbung.ui.components.GridExport;
import org.lumbung.ui.components.DateField;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Menu;
import org.lumbung.ui.security.RequiresAbility;
import org.lumbung.ui.MenuGroup;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerLimits;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.TrialBalance;
import org.lumbung.ui.i18n.Formats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The trial balance per currency as of any date, with a clear balanced / not balanced verdict: the
 * general ledger with members' sub-accounts rolled up, or, in detail, every sub-account on its own line
 * (read page by page as the grid scrolls).
 */
@Route("reports/trial-balance")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.trial-balance", order = 400, icon = "vaadin:scale")
@MenuGroup("nav.group.reports")
public class TrialBalanceView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<TrialBalance.Row> grid = new Grid<>();
    private final Div totals = new Div();
    private final LedgerQueries queries;
    private final long cooperativeId;

    public TrialBalanceView(LedgerAccess access, LedgerQueries queries, Clock clock) {
        this.queries = queries;
        setSizeFull();
        Cooperative c = access.cooperative();
        cooperativeId = c.id();
        DatePicker asOf = new DateField(getTranslation("trial-balance.as-of"), c.today(clock));
        asOf.setId("trial-balance-as-of");
        Checkbox hideZero = new Checkbox(getTranslation("trial-balance.hide-zero"), true);
        hideZero.setId("trial-balance-hide-zero");
        Checkbox detail = new Checkbox(getTranslation("trial-balance.detail"), false);
        detail.setId("trial-balance-detail");
        grid.setId("trial-balance-grid");
        grid.setEmptyStateText(getTranslation("grid.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        GridExport.column(grid, TrialBalance.Row::code).setHeader(getTranslation("chart.code")).setAutoWidth(true).setFlexGrow(0);
        GridExport.column(grid, r -> "id".equals(getLocale().getLanguage()) ? r.nameId() : r.nameEn()).setHeader(getTranslation("chart.name")).setFlexGrow(3);
        GridExport.column(grid, TrialBalance.Row::currency).setHeader(getTranslation("chart.currency")).setAutoWidth(true).setFlexGrow(0);
        GridExport.column(grid, r -> r.debit().signum() == 0 ? "" : Formats.amount(r.debit(), r.currency(), getLocale()))
                .setHeader(getTranslation("entry.debit")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, r -> r.credit().signum() == 0 ? "" : Formats.amount(r.credit(), r.currency(), getLocale()))
                .setHeader(getTranslation("entry.credit")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        Runnable load = () -> {
            LocalDate date = asOf.getValue();
            if (date == null) {
                return;
            }
            hideZero.setEnabled(!detail.getValue());
            if (detail.getValue()) {
                grid.setItems(q -> detailRows(date, q.getOffset(), q.getLimit()), q -> Math.toIntExact(queries.detailCount(cooperativeId)));
                showTotals(queries.detailTotals(cooperativeId, date));
            } else {
                TrialBalance tb = queries.trialBalance(cooperativeId, date);
                grid.setItems(tb.rows().stream().filter(r -> !hideZero.getValue()
                        || r.debitTurnover().signum() != 0 || r.creditTurnover().signum() != 0).toList());
                showTotals(tb.totals());
            }
        };
        asOf.addValueChangeListener(e -> load.run());
        hideZero.addValueChangeListener(e -> load.run());
        detail.addValueChangeListener(e -> load.run());
        totals.setId("trial-balance-totals");
        HorizontalLayout bar = new HorizontalLayout(asOf, hideZero, detail);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("nav.trial-balance")), bar, new GridExport<>(grid, "trial-balance"), grid, totals);
        setFlexGrow(1, grid);
        load.run();
    }

    /** The grid's window of the detailed trial balance, read in pages of at most the service's maximum. */
    private Stream<TrialBalance.Row> detailRows(LocalDate date, int offset, int limit) {
        List<TrialBalance.Row> rows = new ArrayList<>(limit);
        for (int from = offset; from < offset + limit; from += LedgerLimits.MAX_PAGE) {
            rows.addAll(queries.detailRows(cooperativeId, date, from, Math.min(LedgerLimits.MAX_PAGE, offset + limit - from)));
        }
        return rows.stream();
    }

    private void showTotals(Map<String, TrialBalance.Totals> perCurrency) {
        totals.removeAll();
        perCurrency.values().forEach(t -> {
            Span line = new Span(getTranslation(t.balanced() ? "trial-balance.total.balanced" : "trial-balance.total.unbalanced",
                    t.currency(), Formats.money(t.debit(), t.currency(), getLocale()),
                    Formats.money(t.credit(), t.currency(), getLocale())));
            line.setId("trial-balance-total-" + t.currency());
            line.getStyle().set("display", "block").set("font-weight", "600")
                    .set("color", t.balanced() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            totals.add(line);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.trial-balance") + " — Lumbung";
    }
}
