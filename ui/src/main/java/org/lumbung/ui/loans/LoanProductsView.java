package org.lumbung.ui.loans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.loans.LoanAbility;
import org.lumbung.loans.LoanProduct;
import org.lumbung.loans.LoanProductService;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

/** The cooperative's loan products and their terms; the chair or administrator creates, edits and retires them. */
@Route("loans/products")
@RequiresAbility("READ_LOANS")
@Menu(title = "nav.loans.products", order = 340, icon = "vaadin:briefcase")
@MenuGroup("nav.group.loans")
public class LoanProductsView extends VerticalLayout implements HasDynamicTitle {

    private final LoanProductService products;
    private final Cooperative cooperative;
    private final UiAudit audit;
    private final boolean manage;
    private final Grid<LoanProduct> grid = new Grid<>();

    public LoanProductsView(CurrentCooperative current, LoanProductService products, UiAudit audit) {
        this.products = products;
        this.cooperative = current.require();
        this.audit = audit;
        this.manage = current.may(LoanAbility.MANAGE_LOAN_PRODUCTS);
        setSizeFull();
        grid.setId("loan-products-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LoanProduct::code).setHeader(getTranslation("loans.ui.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.name(getLocale())).setHeader(getTranslation("loans.ui.name")).setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(p -> getTranslation("loans.ui.method." + p.interestMethod().name()))
                .setHeader(getTranslation("loans.ui.method")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("loans.ui.rate-per." + p.ratePeriod().name(), Formats.decimal(p.interestRate(), getLocale())))
                .setHeader(getTranslation("loans.ui.rate")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("loans.ui.frequency." + p.frequency().name()))
                .setHeader(getTranslation("loans.ui.frequency")).setAutoWidth(true);
        grid.addColumn(p -> p.minInstalments() + "–" + p.maxInstalments()).setHeader(getTranslation("loans.ui.instalments")).setAutoWidth(true);
        grid.addColumn(p -> Formats.money(p.minAmount(), p.currency(), getLocale()) + " – "
                + Formats.money(p.maxAmount(), p.currency(), getLocale())).setHeader(getTranslation("loans.ui.amounts")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("loans.ui.day-count." + p.dayCount().name())).setHeader(getTranslation("loans.ui.day-count")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.active() ? "loans.ui.active" : "loans.ui.retired")).setHeader(getTranslation("loans.ui.status")).setAutoWidth(true);
        if (manage) {
            grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        }
        HorizontalLayout head = new HorizontalLayout(new H2(getTranslation("nav.loans.products")));
        head.setWidthFull();
        head.setAlignItems(Alignment.CENTER);
        if (manage) {
            Button create = new Button(getTranslation("loans.ui.product.new"), VaadinIcon.PLUS.create(),
                    e -> new LoanProductDialog(products, audit, cooperative, null, this::refresh).open());
            create.setId("new-loan-product");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            head.add(create);
        }
        add(head, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private HorizontalLayout actions(LoanProduct p) {
        Button edit = new Button(getTranslation("loans.ui.edit"),
                e -> new LoanProductDialog(products, audit, cooperative, p, this::refresh).open());
        edit.setId("edit-" + p.code());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button toggle = new Button(getTranslation(p.active() ? "loans.ui.retire" : "loans.ui.reactivate"), e -> {
            try {
                products.setActive(cooperative.id(), p.id(), !p.active());
                audit.done(cooperative.id(), p.active() ? "RETIRE_LOAN_PRODUCT" : "REACTIVATE_LOAN_PRODUCT", p.code());
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
            refresh();
        });
        toggle.setId((p.active() ? "retire-" : "reactivate-") + p.code());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, p.active() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        return new HorizontalLayout(edit, toggle);
    }

    private void refresh() {
        grid.setItems(products.products(cooperative.id()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.loans.products") + " — Lumbung";
    }
}
