package org.lumbung.ui.loans;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanInstalment;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanStatus;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.ui.components.FigureCard;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's own loans on her phone, in her language: for each loan still running, what she owes in all, her
 * next instalment and its date, her schedule and her payments.
 */
public class MyLoansPanel extends VerticalLayout {

    public MyLoansPanel(LoanService loans, long cooperativeId, long memberId) {
        setId("my-loans");
        setPadding(false);
        List<Loan> running = loans.loansOf(cooperativeId, memberId).stream()
                .filter(l -> l.status() == LoanStatus.ACTIVE || l.status() == LoanStatus.APPLIED
                        || l.status() == LoanStatus.APPROVED).toList();
        if (running.isEmpty()) {
            return;
        }
        add(new H3(getTranslation("loans.ui.my.title")));
        for (Loan loan : running) {
            add(loan(loans, loan));
        }
    }

    private VerticalLayout loan(LoanService loans, Loan loan) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        if (loan.status() != LoanStatus.ACTIVE) {
            box.add(new FigureCard("my-loan-" + loan.id(), loan.number(), Formats.money(loan.principal(), loan.currency(), getLocale()),
                    getTranslation("loans.ui.loan-status." + loan.status().name())));
            return box;
        }
        List<LoanInstalment> rows = loans.schedule(loan.cooperativeId(), loan.id(), null);
        BigDecimal owed = rows.stream().filter(i -> i.state() != LoanInstalment.State.SUPERSEDED)
                .map(LoanInstalment::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        LoanInstalment next = rows.stream().filter(i -> i.state() == LoanInstalment.State.DUE
                || i.state() == LoanInstalment.State.OVERDUE).findFirst().orElse(null);
        Div figures = new Div(new FigureCard("my-loan-owed-" + loan.id(), getTranslation("loans.ui.my.owed", loan.number()),
                money(loan, owed), loan.daysPastDue() > 0 ? getTranslation("loans.ui.my.late", loan.daysPastDue()) : ""));
        if (next != null) {
            figures.add(new FigureCard("my-loan-next-" + loan.id(), getTranslation("loans.ui.next-due"),
                    money(loan, next.outstanding()), Formats.date(next.dueDate(), getLocale())));
        }
        Details schedule = new Details(getTranslation("loans.ui.my.schedule"), schedule(loan, rows));
        Details payments = new Details(getTranslation("loans.ui.my.payments"),
                payments(loan, loans.transactions(loan.cooperativeId(), loan.id())));
        box.add(figures, schedule, payments);
        return box;
    }

    private Grid<LoanInstalment> schedule(Loan loan, List<LoanInstalment> rows) {
        Grid<LoanInstalment> grid = new Grid<>();
        grid.setId("my-loan-schedule-" + loan.id());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(i -> Formats.date(i.dueDate(), getLocale())).setHeader(getTranslation("loans.ui.due-date"));
        grid.addColumn(i -> money(loan, i.principalDue().add(i.interestDue()).add(i.feeDue()).add(i.penaltyDue())))
                .setHeader(getTranslation("loans.ui.instalment")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(i -> getTranslation("loans.ui.state." + i.state().name())).setHeader(getTranslation("loans.ui.state"));
        grid.setItems(rows.stream().filter(i -> i.state() != LoanInstalment.State.SUPERSEDED).toList());
        return grid;
    }

    private Grid<LoanTransaction> payments(Loan loan, List<LoanTransaction> rows) {
        Grid<LoanTransaction> grid = new Grid<>();
        grid.setId("my-loan-payments-" + loan.id());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(t -> Formats.date(t.valueDate(), getLocale())).setHeader(getTranslation("loans.ui.value-date"));
        grid.addColumn(t -> getTranslation("loans.ui.transaction." + t.kind().name())).setHeader(getTranslation("loans.ui.kind"));
        grid.addColumn(t -> money(loan, t.amount())).setHeader(getTranslation("loans.ui.amount")).setTextAlign(ColumnTextAlign.END);
        grid.setItems(rows);
        return grid;
    }

    private String money(Loan loan, BigDecimal amount) {
        return Formats.money(amount, loan.currency(), getLocale());
    }
}
