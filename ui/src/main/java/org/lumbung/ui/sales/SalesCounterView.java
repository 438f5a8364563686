package org.lumbung.ui.sales;

import com.vaadin.flow.component.Key;
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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.NewSale;
import org.lumbung.sales.Payment;
import org.lumbung.sales.Sale;
import org.lumbung.sales.SaleReceipt;
import org.lumbung.sales.SaleService;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopProduct;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The counter, keyboard first for a queue: type a name or scan a code and press Enter (one match is added at once
 * with the quantity and discount beside it, several are listed to pick from), the member's number for the member
 * price, then F9 pays. The lines are priced again by the service, which checks stock, discount and credit.
 */
@Route("shop/sell")
@RequiresAbility("SELL")
@Menu(title = "nav.shop.sell", order = 600, icon = "vaadin:cart")
@MenuGroup("nav.group.shop")
public class SalesCounterView extends VerticalLayout implements HasDynamicTitle {

    /** A line of the cart before it is sold. */
    record CartLine(ShopProduct product, BigDecimal quantity, BigDecimal discount) {
    }

    private final ShopCatalogue catalogue;
    private final SaleService sales;
    private final SaleReceipt receipts;
    private final MemberService members;
    private final UiAudit audit;
    private final Cooperative cooperative;
    private final TextField search = new TextField();
    private final TextField quantity = ShopTexts.quantityField(null);
    private final AmountField discount = new AmountField(null);
    private final Grid<ShopProduct> results = new Grid<>();
    private final Grid<CartLine> cart = new Grid<>();
    private final IntegerField memberNumber = new IntegerField();
    private final Span memberName = new Span();
    private final RadioButtonGroup<Payment> payment = new RadioButtonGroup<>();
    private final Span total = new Span();
    private final Div lastSale = new Div();
    private final List<CartLine> lines = new ArrayList<>();
    private @Nullable Member member;
    private String key = Keys.newKey();

    public SalesCounterView(CurrentCooperative current, ShopCatalogue catalogue, SaleService sales, SaleReceipt receipts,
                            MemberService members, UiAudit audit) {
        this.catalogue = catalogue;
        this.sales = sales;
        this.receipts = receipts;
        this.members = members;
        this.audit = audit;
        this.cooperative = current.require();
        setSizeFull();
        add(new H2(getTranslation("nav.shop.sell")), entryRow(), results, cart, customerRow(), payRow(), lastSale);
        setFlexGrow(1, cart);
        configureResults();
        configureCart();
        search.focus();
    }

    private HorizontalLayout entryRow() {
        search.setId("shop-search");
        search.setLabel(getTranslation("shop.ui.search"));
        search.setPlaceholder(getTranslation("shop.ui.search.placeholder"));
        search.setMaxLength(60);
        search.setWidth("24em");
        search.setPrefixComponent(VaadinIcon.BARCODE.create());
        search.addKeyDownListener(Key.ENTER, e -> addFromSearch());
        quantity.setId("shop-quantity");
        quantity.setLabel(getTranslation("shop.ui.quantity"));
        quantity.setValue("1");
        quantity.setWidth("7em");
        quantity.addKeyDownListener(Key.ENTER, e -> addFromSearch());
        discount.setId("shop-discount");
        discount.setLabel(getTranslation("shop.ui.discount"));
        discount.setCurrency(cooperative.baseCurrency());
        discount.setZeroAllowed(true);
        discount.setWidth("9em");
        discount.addKeyDownListener(Key.ENTER, e -> addFromSearch());
        HorizontalLayout row = new HorizontalLayout(search, quantity, discount);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void configureResults() {
        results.setId("shop-results");
        results.addThemeVariants(GridVariant.LUMO_COMPACT);
        results.setAllRowsVisible(true);
        results.addColumn(ShopProduct::code).setHeader(getTranslation("shop.ui.code")).setAutoWidth(true);
        results.addColumn(p -> p.name(getLocale())).setHeader(getTranslation("shop.ui.name")).setFlexGrow(1);
        results.addColumn(p -> ShopTexts.quantity(p.stockQuantity(), getLocale())).setHeader(getTranslation("shop.ui.in-stock"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        results.addItemClickListener(e -> add(e.getItem()));
        results.addItemDoubleClickListener(e -> add(e.getItem()));
        results.setVisible(false);
    }

    private void configureCart() {
        cart.setId("shop-cart");
        cart.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        cart.addColumn(l -> l.product().name(getLocale())).setHeader(getTranslation("shop.ui.name")).setFlexGrow(1);
        cart.addColumn(l -> ShopTexts.quantity(l.quantity(), getLocale()) + " " + l.product().unit()).setHeader(getTranslation("shop.ui.quantity"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        cart.addColumn(l -> money(price(l.product()))).setHeader(getTranslation("shop.ui.price")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        cart.addColumn(l -> l.discount().signum() == 0 ? "" : money(l.discount().negate())).setHeader(getTranslation("shop.ui.discount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        cart.addColumn(l -> money(amount(l))).setHeader(getTranslation("shop.ui.amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        cart.addComponentColumn(l -> {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                lines.remove(l);
                refreshCart();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("shop.ui.remove"));
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
    }

    private HorizontalLayout customerRow() {
        memberNumber.setId("shop-member");
        memberNumber.setLabel(getTranslation("shop.ui.member-number"));
        memberNumber.setMin(1);
        memberNumber.setMax(9_999_999);
        memberNumber.setClearButtonVisible(true);
        memberNumber.addValueChangeListener(e -> findMember(e.getValue()));
        memberName.setId("shop-member-name");
        memberName.setText(getTranslation("shop.ui.walk-in"));
        payment.setId("shop-payment");
        payment.setLabel(getTranslation("shop.ui.payment"));
        payment.setItems(Payment.values());
        payment.setItemLabelGenerator(p -> getTranslation("sales.payment." + p.name()));
        payment.setValue(Payment.CASH);
        HorizontalLayout row = new HorizontalLayout(memberNumber, memberName, payment);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private HorizontalLayout payRow() {
        total.setId("shop-total");
        total.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Button pay = new Button(getTranslation("shop.ui.pay"), VaadinIcon.CASH.create(), e -> pay());
        pay.setId("shop-pay");
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        pay.addClickShortcut(Key.F9);
        HorizontalLayout row = new HorizontalLayout(new Span(getTranslation("shop.ui.total")), total, pay);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        refreshCart();
        return row;
    }

    /** Enter: one match (a scanned code, or a name only one product has) is added; several are listed. */
    private void addFromSearch() {
        try {
            List<ShopProduct> found = catalogue.search(cooperative.id(), search.getValue());
            if (found.size() == 1) {
                add(found.get(0));
            } else {
                results.setItems(found);
                results.setVisible(!found.isEmpty());
                search.setInvalid(found.isEmpty() && !search.getValue().isBlank());
                search.setErrorMessage(getTranslation("shop.ui.nothing-found"));
            }
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private void add(ShopProduct p) {
        BigDecimal q = ShopTexts.parseQuantity(quantity.getValue(), getLocale());
        BigDecimal d = discount.getValue().isBlank() ? BigDecimal.ZERO : discount.getAmount();
        quantity.setInvalid(q == null || q.signum() <= 0);
        if (q == null || q.signum() <= 0 || d == null) {
            return;
        }
        lines.add(new CartLine(p, q, d));
        search.clear();
        quantity.setValue("1");
        discount.clear();
        results.setVisible(false);
        search.setInvalid(false);
        refreshCart();
        search.focus();
    }

    private void findMember(@Nullable Integer number) {
        member = number == null ? null : members.byNumber(cooperative.id(), number).orElse(null);
        memberNumber.setInvalid(number != null && member == null);
        memberNumber.setErrorMessage(getTranslation("shop.ui.member-unknown"));
        memberName.setText(member == null ? getTranslation("shop.ui.walk-in") : member.fullName());
        refreshCart();
    }

    private void pay() {
        if (lines.isEmpty()) {
            search.focus();
            return;
        }
        List<NewSale.Line> sold = lines.stream().map(l -> new NewSale.Line(l.product().id(), l.quantity(), l.discount())).toList();
        try {
            Sale s = sales.sell(cooperative.id(), new NewSale(member == null ? null : member.id(), payment.getValue(), sold, null, null, key));
            audit.done(cooperative.id(), "SHOP_SALE", s.receipt() + " " + s.total().toPlainString());
            Notifications.success(getTranslation("shop.ui.sold", s.receipt(), money(s.total())));
            showLastSale(s);
            lines.clear();
            memberNumber.clear();
            payment.setValue(Payment.CASH);
            key = Keys.newKey();
            refreshCart();
        } catch (DomainException ex) {
            audit.refused(cooperative.id(), "SHOP_SALE", ex.messageKey());
            Notifications.refused(ex);
        }
        search.focus();
    }

    private void showLastSale(Sale s) {
        lastSale.removeAll();
        Span what = new Span(getTranslation("shop.ui.last-sale", s.receipt(), money(s.total())));
        what.setId("shop-last-receipt");
        lastSale.add(what, ShopReceiptLinks.of(receipts, cooperative.id(), s, getLocale()));
    }

    private void refreshCart() {
        cart.setItems(lines);
        total.setText(money(lines.stream().map(this::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    private BigDecimal price(ShopProduct p) {
        return p.price(member != null);
    }

    private BigDecimal amount(CartLine l) {
        return price(l.product()).multiply(l.quantity()).subtract(l.discount());
    }

    private String money(BigDecimal amount) {
        return Formats.money(amount.setScale(2, RoundingMode.HALF_EVEN), cooperative.baseCurrency(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.sell") + " — Lumbung";
    }
}
