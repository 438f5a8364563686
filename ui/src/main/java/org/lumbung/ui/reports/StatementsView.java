package org.lumbung.ui.reports;

import com.vaadin.flow.component.datepicker.DatePicker;
import org.lumbung.ui.components.DateField;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.reports.FinancialStatements;
import org.lumbung.reports.FiscalYear;
import org.lumbung.reports.FlowStatements;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.reports.HledgerExport;
import org.lumbung.reports.StatementDocuments;
import org.lumbung.reports.StatementTable;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The balance sheet (neraca), the statement of surplus (perhitungan hasil usaha), the cash flow (arus kas), the changes
 * in equity (perubahan ekuitas), per currency, beside the comparative period, and the trial balance (neraca saldo), as the PDF and XLSX downloads show them; a click on an account opens its entries of the
 * period in the journal.
 */
@Route("reports/statements")
@RequiresAbility("READ_LEDGER")
@Menu(title = "nav.statements", order = 500, icon = "vaadin:file-text-o")
@MenuGroup("nav.group.reports")
public class StatementsView extends VerticalLayout implements HasDynamicTitle {

    static final String BALANCE_SHEET = "balance-sheet";
    static final String INCOME = "income";
    static final String CASH_FLOW = "cash-flow";
    static final String EQUITY_CHANGES = "equity-changes";
    static final String TRIAL_BALANCE = "trial-balance";
    private static final Map<String, String> TITLES = Map.of(BALANCE_SHEET, "statement.balance-sheet",
            INCOME, "statement.income-statement", CASH_FLOW, "statement.cash-flow", EQUITY_CHANGES, "statement.equity-changes",
            TRIAL_BALANCE, "statement.trial-balance");

    private final FinancialStatements statements;
    private final FlowStatements flows;
    private final LedgerQueries ledger;
    private final Cooperative cooperative;
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>();
    private final DatePicker from = new DateField();
    private final DatePicker to = new DateField();
    private final Select<String> currency = new Select<>();
    private final Grid<StatementTable.Row> grid = new Grid<>();
    private final Grid.Column<StatementTable.Row> current;
    private final Grid.Column<StatementTable.Row> previous;
    private final ExportLinks<StatementTable> exports;
    private @Nullable StatementTable shown;
    /** The days of the table shown, for its drill-down: the date fields may have changed (or been cleared) since. */
    private Map<String, String> shownDays = Map.of();

    public StatementsView(CurrentCooperative cooperatives, FinancialStatements statements, FlowStatements flows,
                          LedgerQueries ledger, HledgerExport hledger, Clock clock) {
        this.statements = statements;
        this.flows = flows;
        this.ledger = ledger;
        this.cooperative = cooperatives.require();
        setSizeFull();
        LocalDate today = cooperative.today(clock);
        kind.setId("statement-kind");
        kind.setItems(BALANCE_SHEET, INCOME, CASH_FLOW, EQUITY_CHANGES, TRIAL_BALANCE);
        kind.setItemLabelGenerator(k -> getTranslation(TITLES.get(k)));
        from.setId("statement-from");
        from.setLabel(getTranslation("statements.from"));
        from.setValue(FiscalYear.containing(cooperative, today).first());
        to.setId("statement-to");
        to.setValue(today);
        currency.setId("statement-currency");
        currency.setLabel(getTranslation("chart.currency"));
        currency.setItems(statements.currencies(cooperative.id()));
        currency.setValue(cooperative.baseCurrency());
        grid.setId("statement-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(StatementTable.Row::label).setHeader(getTranslation("statement.account")).setFlexGrow(3);
        current = grid.addColumn(r -> amount(r.amount())).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        previous = grid.addColumn(r -> amount(r.previous())).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setPartNameGenerator(r -> r.kind() == StatementTable.Kind.LINE ? null : "statement-" + r.kind().name().toLowerCase());
        grid.addItemClickListener(e -> drillDown(e.getItem()));
        exports = new ExportLinks<>("statement", () -> shown, t -> StatementDocuments.pdf(t, getLocale()),
                t -> StatementDocuments.xlsx(t, getLocale()));
        kind.addValueChangeListener(e -> load());
        from.addValueChangeListener(e -> load());
        to.addValueChangeListener(e -> load());
        currency.addValueChangeListener(e -> load());
        FlexLayout bar = new FlexLayout(kind, from, to, currency, exports, new HledgerLink(hledger, cooperative));
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("nav.statements")), bar, grid);
        setFlexGrow(1, grid);
        kind.setValue(BALANCE_SHEET);
    }

    private void load() {
        boolean atADate = atADate();
        from.setVisible(!atADate);
        to.setLabel(getTranslation(atADate ? "statements.as-of" : "statements.to"));
        if (to.getValue() == null || (!atADate && from.getValue() == null) || currency.getValue() == null) {
            return;
        }
        shown = table(kind.getValue(), from.getValue(), to.getValue(), currency.getValue());
        current.setHeader(shown.current());
        previous.setHeader(shown.previous());
        grid.setItems(shown.rows());
        shownDays = atADate ? Map.of("to", to.getValue().toString())
                : Map.of("from", from.getValue().toString(), "to", to.getValue().toString());
        exports.setFileName(kind.getValue() + "-" + cooperative.code() + "-" + to.getValue());
    }

    private boolean atADate() {
        return BALANCE_SHEET.equals(kind.getValue()) || TRIAL_BALANCE.equals(kind.getValue());
    }

    private StatementTable table(String which, LocalDate start, LocalDate end, String cur) {
        long id = cooperative.id();
        return switch (which) {
            case INCOME -> StatementTable.of(cooperative, statements.income(id, start, end, cur), getLocale());
            case CASH_FLOW -> StatementTable.of(cooperative, flows.cashFlow(id, start, end, cur), getLocale());
            case EQUITY_CHANGES -> StatementTable.of(cooperative, flows.equityChanges(id, start, end, cur), getLocale());
            case TRIAL_BALANCE -> StatementTable.of(cooperative, ledger.trialBalance(id, end), cur, getLocale());
            default -> StatementTable.of(cooperative, statements.balanceSheet(id, end, cur), getLocale());
        };
    }

    private String amount(@Nullable BigDecimal amount) {
        return amount == null ? ""
                : Formats.amount(amount, Objects.requireNonNull(shown, "a row is of the table shown").currency(), getLocale());
    }

    /** The account's entries of the period in the journal (the balance sheet: everything up to its date). */
    private void drillDown(StatementTable.Row row) {
        if (row.code() == null) {
            return;
        }
        Map<String, String> query = new HashMap<>(shownDays);
        query.put("account", row.code());
        getUI().ifPresent(ui -> ui.navigate("ledger/journal", QueryParameters.simple(query)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.statements") + " — Lumbung";
    }
}
