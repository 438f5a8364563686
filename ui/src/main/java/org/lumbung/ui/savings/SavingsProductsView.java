package org.lumbung.ui.savings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestService;
import org.lumbung.savings.SavingsAbility;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * The cooperative's savings products with their terms; the chair or administrator creates, retires and
 * reactivates them; posting roles post a period's interest after looking at the preview.
 */
@Route("savings/products")
@RequiresAbility("READ_SAVINGS")
@Menu(title = "nav.products", order = 220, icon = "vaadin:piggy-bank")
@MenuGroup("nav.group.savings")
public class SavingsProductsView extends VerticalLayout implements HasDynamicTitle {

    private Component nameWithDetails(SavingsProduct p) {
        Span name = new Span(p.name(getLocale()));
        Span details = new Span(
                getTranslation("savings.kind." + p.kind().name()) + " · " + p.currency() + " · "
                        + getTranslation("products.control-account") + " " + p.controlAccount());
        details.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        Div cell = new Div(name, details);
        cell.getStyle().set("display", "flex").set("flex-direction", "column").set("white-space", "normal");
        return cell;
    }

    private final SavingsProducts products;
    private final Cooperative cooperative;
    private final Grid<SavingsProduct> grid = new Grid<>();

    public SavingsProductsView(CurrentCooperative current, SavingsProducts products, InterestService interest,
                               ChartOfAccounts chart, UiAudit audit, Clock clock) {
        this.products = products;
        this.cooperative = current.require();
        boolean manage = current.may(SavingsAbility.MANAGE_PRODUCTS);
        boolean records = current.may(SavingsAbility.RECORD_SAVINGS);
        setSizeFull();

        grid.setId("products-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(SavingsProduct::code).setHeader(getTranslation("products.code")).setAutoWidth(true).setFlexGrow(0);
        // the kind, currency and control account under the name: eleven columns did not fit a 1366 px laptop
        grid.addComponentColumn(this::nameWithDetails).setHeader(getTranslation("products.name")).setFlexGrow(3);
        grid.addColumn(p -> p.fixedAmount() != null ? Formats.money(p.fixedAmount(), p.currency(), getLocale())
                        : p.mandatoryAmount() != null ? getTranslation("products.per-month",
                        Formats.money(p.mandatoryAmount(), p.currency(), getLocale())) : "")
                .setHeader(getTranslation("products.amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> p.minimumBalance() == null || p.minimumBalance().signum() == 0 ? ""
                        : Formats.money(p.minimumBalance(), p.currency(), getLocale()))
                .setHeader(getTranslation("products.minimum")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> p.interestMethod() == InterestMethod.NONE || p.interestRate().signum() == 0 ? ""
                        : rate(p.interestRate()) + " · " + getTranslation("interest.method." + p.interestMethod().name())
                        + " · " + getTranslation("interest.posting." + p.interestPosting().name()))
                .setHeader(getTranslation("products.interest")).setFlexGrow(2);
        grid.addColumn(p -> p.termMonths() == null ? "" : getTranslation("products.term-months", p.termMonths())
                        + (p.earlyPenaltyRate() == null ? "" : " · " + getTranslation("products.penalty", rate(p.earlyPenaltyRate()))))
                .setHeader(getTranslation("products.term")).setFlexGrow(1);
        grid.addColumn(p -> getTranslation(p.active() ? "products.active" : "products.retired"))
                .setHeader(getTranslation("accounts.status")).setAutoWidth(true);
        if (manage) {
            grid.addComponentColumn(p -> retireOrReactivate(p, audit)).setAutoWidth(true).setFlexGrow(0);
        }

        FlexLayout head = new FlexLayout(new H2(getTranslation("nav.products")));
        head.setWidthFull();
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.getStyle().set("gap", "var(--lumo-space-s)");
        head.setFlexGrow(1, head.getComponentAt(0));
        if (manage) {
            Button create = new Button(getTranslation("products.new"), VaadinIcon.PLUS.create(),
                    e -> new ProductDialog(products, chart, audit, cooperative, this::refresh).open());
            create.setId("new-product");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            head.add(create);
        }
        Button post = new Button(getTranslation("interest.button"), VaadinIcon.CALC.create(),
                e -> new InterestDialog(interest, audit, cooperative, products.products(cooperative.id()), records,
                        cooperative.today(clock)).open());
        post.setId("post-interest");
        head.add(post);
        add(head, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private String rate(BigDecimal rate) {
        return Formats.rate(rate, getLocale());
    }

    private Button retireOrReactivate(SavingsProduct p, UiAudit audit) {
        Button toggle = new Button(getTranslation(p.active() ? "products.retire" : "products.reactivate"), e -> {
            try {
                products.setActive(cooperative.id(), p.id(), !p.active());
                audit.done(cooperative.id(), p.active() ? "RETIRE_PRODUCT" : "REACTIVATE_PRODUCT", p.code());
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
            refresh();
        });
        toggle.setId((p.active() ? "retire-" : "reactivate-") + p.code());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, p.active() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        return toggle;
    }

    private void refresh() {
        grid.setItems(products.products(cooperative.id()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.products") + " — Lumbung";
    }
}
