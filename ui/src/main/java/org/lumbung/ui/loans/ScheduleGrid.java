package org.lumbung.ui.loans;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.lumbung.loans.schedule.Instalment;
import org.lumbung.loans.schedule.Schedule;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** A schedule from the engine as a table, with its totals in the footer: the application form's live preview. */
class ScheduleGrid extends Grid<Instalment> {

    private final Column<Instalment> principal;
    private final Column<Instalment> interest;
    private final Column<Instalment> total;
    private String currency = "IDR";

    ScheduleGrid() {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(Instalment::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        addColumn(i -> Formats.date(i.dueDate(), getLocale())).setHeader(getTranslation("loans.ui.due-date")).setAutoWidth(true);
        principal = money(Instalment::principal, "loans.ui.principal");
        interest = money(Instalment::interest, "loans.ui.interest");
        total = money(Instalment::total, "loans.ui.instalment");
    }

    private Column<Instalment> money(Function<Instalment, BigDecimal> amount, String header) {
        return addColumn(i -> Formats.amount(amount.apply(i), currency, getLocale())).setHeader(getTranslation(header))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    void show(Schedule schedule) {
        currency = schedule.currency();
        setItems(schedule.instalments());
        principal.setFooter(Formats.amount(schedule.totalPrincipal(), currency, getLocale()));
        interest.setFooter(Formats.amount(schedule.totalInterest(), currency, getLocale()));
        total.setFooter(Formats.amount(schedule.totalRepayment(), currency, getLocale()));
    }

    void clear() {
        setItems(List.of());
        principal.setFooter("");
        interest.setFooter("");
        total.setFooter("");
    }
}
