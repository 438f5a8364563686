package org.lumbung.ui.reports;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.reports.StatementTable;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.ledger.JournalView;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/** The statements screen in Indonesian: the neraca balances, money in Indonesian, drill-down to the journal. */
class StatementsViewTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void theNeracaInIndonesianBalancesAndAnAccountOpensItsEntries() {
        signIn("auditor", Messages.INDONESIAN);
        UI.getCurrent().navigate(StatementsView.class);
        Grid<StatementTable.Row> grid = _get(Grid.class, spec -> spec.withId("statement-grid"));
        List<StatementTable.Row> rows = grid.getListDataView().getItems().toList();
        assertThat(rows.get(0).label()).isEqualTo("Aset");
        StatementTable.Row assets = rows.stream().filter(r -> r.label().equals("Jumlah aset")).findFirst().orElseThrow();
        StatementTable.Row claims = rows.get(rows.size() - 1);
        assertThat(claims.label()).isEqualTo("Jumlah kewajiban dan ekuitas");
        assertThat(claims.amount()).isEqualByComparingTo(assets.amount()).isPositive();
        assertThat(_find(Anchor.class)).extracting(a -> a.getId().orElse("")).contains("statement-pdf", "statement-xlsx", "hledger-download");

        int cash = rows.indexOf(rows.stream().filter(r -> "1100".equals(r.code())).findFirst().orElseThrow());
        // a cleared date does not stop the table shown from opening its own days' entries
        _get(DatePicker.class, spec -> spec.withId("statement-to")).clear();
        _clickItem(grid, cash, 1, false, false, false, false);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isInstanceOf(JournalView.class);
        assertThat(_find(TextField.class)).extracting(TextField::getValue).contains("1100");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStatementOfSurplusEndsWithTheSurplus() {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(StatementsView.class);
        ((RadioButtonGroup<String>) _get(RadioButtonGroup.class, spec -> spec.withId("statement-kind"))).setValue(StatementsView.INCOME);
        Grid<StatementTable.Row> grid = _get(Grid.class, spec -> spec.withId("statement-grid"));
        List<StatementTable.Row> rows = grid.getListDataView().getItems().toList();
        assertThat(rows.get(0).label()).isEqualTo("Income");
        assertThat(rows.get(rows.size() - 1).label()).isEqualTo("Surplus (SHU)");
        assertThat(grid.getColumns().get(1).getHeaderText()).contains("–");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCashFlowEndsWithTheCashAndTheTrialBalanceWithEqualTotals() {
        signIn("treasurer", Messages.ENGLISH);
        UI.getCurrent().navigate(StatementsView.class);
        RadioButtonGroup<String> kind = _get(RadioButtonGroup.class, spec -> spec.withId("statement-kind"));
        Grid<StatementTable.Row> grid = _get(Grid.class, spec -> spec.withId("statement-grid"));
        kind.setValue(StatementsView.CASH_FLOW);
        List<StatementTable.Row> rows = grid.getListDataView().getItems().toList();
        assertThat(rows.get(0).label()).isEqualTo("Cash flows from operating activities");
        assertThat(rows.get(rows.size() - 1).label()).isEqualTo("Cash at the end of the period");
        kind.setValue(StatementsView.EQUITY_CHANGES);
        rows = grid.getListDataView().getItems().toList();
        assertThat(rows.get(rows.size() - 1).label()).isEqualTo("Balance at the end of the period");
        kind.setValue(StatementsView.TRIAL_BALANCE);
        rows = grid.getListDataView().getItems().toList();
        StatementTable.Row total = rows.get(rows.size() - 1);
        assertThat(total.amount()).isPositive().isEqualByComparingTo(total.previous());
        assertThat(grid.getColumns().get(1).getHeaderText()).isEqualTo("Debit");
    }
}
