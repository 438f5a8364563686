package org.lumbung.ui.loans;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanStatus;
import org.lumbung.security.UserService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.components.GridExport;
import org.lumbung.ui.components.PersonNames;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cooperative's loans by status, every one of them: the grid reads the page it shows as it scrolls,
 * with the count of the status. Opened on the applications waiting for a decision, it is the approval
 * queue: a chair or administrator opens one, checks it and decides (someone other than who entered it).
 */
@Route("loans")
@RequiresAbility("READ_LOANS")
@Menu(title = "nav.loans.list", order = 350, icon = "vaadin:list")
@MenuGroup("nav.group.loans")
public class LoanListView extends VerticalLayout implements HasDynamicTitle {

    private final Cooperative cooperative;
    private final Grid<Loan> grid = new Grid<>();
    private final Select<LoanStatus> status = new Select<>();

    /** The listed loans' borrowers, read with the list (one query, not one per row). */
    private Map<Long, String> borrowers = Map.of();

    public LoanListView(CurrentCooperative current, LoanService loans, UserService users) {
        this.cooperative = current.require();
        PersonNames people = new PersonNames(users);
        setSizeFull();
        status.setLabel(getTranslation("loans.ui.status"));
        status.setId("loan-status");
        status.setItems(LoanStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("loans.ui.loan-status." + s.name()));
        status.setValue(LoanStatus.APPLIED);
        grid.setId("loans-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        GridExport.column(grid, Loan::number).setHeader(getTranslation("loans.ui.loan")).setAutoWidth(true);
        GridExport.column(grid, l -> borrowers.getOrDefault(l.memberId(), ""))
                .setHeader(getTranslation("loans.ui.member")).setAutoWidth(true).setFlexGrow(2);
        GridExport.column(grid, Loan::productCode).setHeader(getTranslation("loans.ui.product")).setAutoWidth(true);
        GridExport.column(grid, l -> Formats.money(l.principal(), l.currency(), getLocale())).setHeader(getTranslation("loans.ui.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, l -> Formats.money(l.outstandingPrincipal(), l.currency(), getLocale()))
                .setHeader(getTranslation("loans.ui.outstanding")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        GridExport.column(grid, Loan::daysPastDue).setHeader(getTranslation("loans.ui.days-past-due")).setAutoWidth(true);
        GridExport.column(grid, l -> people.of(l.appliedBy())).setHeader(getTranslation("loans.ui.applied-by")).setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setItems(query -> page(loans, query.getOffset(), query.getLimit()).stream(),
                query -> loans.countIn(cooperative.id(), status.getValue()));
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(new H2(getTranslation("nav.loans.list")), status, new GridExport<>(grid, "loans"), grid);
        setFlexGrow(1, grid);
    }

    /** A page the grid asks for (as it scrolls), with its borrowers' names read in one query. */
    private List<Loan> page(LoanService loans, int offset, int limit) {
        List<Loan> listed = loans.loansIn(cooperative.id(), status.getValue(), offset, Math.min(limit, LoanService.MAX_PAGE));
        Map<Long, String> names = new HashMap<>(borrowers);
        names.putAll(loans.borrowerNames(cooperative.id(), listed));
        borrowers = names;
        return listed;
    }

    private void open(Loan loan) {
        getUI().ifPresent(ui -> ui.navigate(LoanView.class, new RouteParameters("loanId", Long.toString(loan.id()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.loans.list") + " — Lumbung";
    }
}
