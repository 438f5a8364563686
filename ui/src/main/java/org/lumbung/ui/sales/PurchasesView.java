package org.lumbung.ui.sales;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.NewPurchase;
import org.lumbung.sales.PayablePayment;
import org.lumbung.sales.Purchase;
import org.lumbung.sales.PurchaseService;
import org.lumbung.sales.SalesAbility;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopProduct;
import org.lumbung.sales.StockLocation;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Goods received from a supplier — a member selling her produce (by her number) or a trader (by name) — into the
 * shop or the warehouse, owed until paid; below, the last 90 days' purchases with what each still owes and its
 * payment in cash or into the member's voluntary savings.
 */
@Route("shop/purchases")
@RequiresAbility("READ_SHOP")
@Menu(title = "nav.shop.purchases", order = 630, icon = "vaadin:truck")
@MenuGroup("nav.group.shop")
public class PurchasesView extends VerticalLayout implements HasDynamicTitle {

    private final PurchaseService purchases;
    private final MemberService members;
    private final UiAudit audit;
    private final Cooperative cooperative;
    private final Clock clock;
    private final IntegerField memberNumber = new IntegerField();
    private final TextField supplier = new TextField();
    private final RadioButtonGroup<StockLocation.Kind> location = ShopTexts.locationChoice("shop.ui.location", StockLocation.Kind.SHOP);
    private final ComboBox<ShopProduct> product = new ComboBox<>();
    private final TextField quantity = ShopTexts.quantityField(null);
    private final AmountField unitCost = new AmountField(null);
    private final List<NewPurchase.Line> lines = new ArrayList<>();
    private final Grid<NewPurchase.Line> pending = new Grid<>();
    private final Grid<Purchase> recent = new Grid<>();
    private String key = Keys.newKey();

    public PurchasesView(CurrentCooperative current, PurchaseService purchases, ShopCatalogue catalogue, MemberService members,
                         UiAudit audit, Clock clock) {
        this.purchases = purchases;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
        this.cooperative = current.require();
        setSizeFull();
        add(new H2(getTranslation("nav.shop.purchases")));
        if (current.may(SalesAbility.MANAGE_SHOP)) {
            add(form(catalogue.products(cooperative.id(), true)));
        }
        configureRecent(current.may(SalesAbility.MANAGE_SHOP));
        add(new H3(getTranslation("shop.ui.purchases.recent")), recent);
        setFlexGrow(1, recent);
        refresh();
    }

    private VerticalLayout form(List<ShopProduct> products) {
        memberNumber.setId("purchase-member");
        memberNumber.setLabel(getTranslation("shop.ui.supplier-member"));
        memberNumber.setMin(1);
        memberNumber.setMax(9_999_999);
        supplier.setId("purchase-supplier");
        supplier.setLabel(getTranslation("shop.ui.supplier-name"));
        supplier.setMaxLength(120);
        product.setId("purchase-product");
        product.setLabel(getTranslation("shop.ui.product"));
        product.setItems(products);
        product.setItemLabelGenerator(p -> p.code() + " — " + p.name(getLocale()));
        quantity.setId("purchase-quantity");
        quantity.setLabel(getTranslation("shop.ui.quantity"));
        unitCost.setId("purchase-unit-cost");
        unitCost.setLabel(getTranslation("shop.ui.unit-cost"));
        unitCost.setCurrency(cooperative.baseCurrency());
        unitCost.addKeyDownListener(Key.ENTER, e -> addLine());
        Button add = new Button(getTranslation("shop.ui.add-line"), e -> addLine());
        add.setId("purchase-add-line");
        pending.setId("purchase-lines");
        pending.setAllRowsVisible(true);
        pending.addThemeVariants(GridVariant.LUMO_COMPACT);
        pending.addColumn(l -> products.stream().filter(p -> p.id() == l.productId()).findFirst().map(p -> p.name(getLocale())).orElse(""))
                .setHeader(getTranslation("shop.ui.product")).setFlexGrow(2);
        pending.addColumn(l -> ShopTexts.quantity(l.quantity(), getLocale())).setHeader(getTranslation("shop.ui.quantity")).setTextAlign(ColumnTextAlign.END);
        pending.addColumn(l -> money(l.unitCost())).setHeader(getTranslation("shop.ui.unit-cost")).setTextAlign(ColumnTextAlign.END);
        Button save = new Button(getTranslation("shop.ui.purchase.save"), e -> save());
        save.setId("purchase-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout who = new HorizontalLayout(memberNumber, supplier, location);
        HorizontalLayout what = new HorizontalLayout(product, quantity, unitCost, add);
        who.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        what.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout form = new VerticalLayout(who, what, pending, save);
        form.setPadding(false);
        return form;
    }

    private void addLine() {
        BigDecimal q = ShopTexts.parseQuantity(quantity.getValue(), getLocale());
        BigDecimal cost = unitCost.getAmount();
        quantity.setInvalid(q == null || q.signum() <= 0);
        product.setInvalid(product.getValue() == null);
        if (q == null || q.signum() <= 0 || cost == null || product.getValue() == null) {
            return;
        }
        lines.add(new NewPurchase.Line(product.getValue().id(), q, cost));
        pending.setItems(lines);
        product.clear();
        quantity.clear();
        unitCost.clear();
        product.focus();
    }

    private void save() {
        if (lines.isEmpty()) {
            return;
        }
        try {
            Long memberId = memberNumber.getValue() == null ? null : members.byNumber(cooperative.id(), memberNumber.getValue())
                    .map(Member::id).orElseThrow(() -> DomainException.notFound("member.not-found", memberNumber.getValue()));
            Purchase p = purchases.receive(cooperative.id(), new NewPurchase(memberId, supplier.getValue(), location.getValue(),
                    List.copyOf(lines), null, null, key));
            audit.done(cooperative.id(), "SHOP_PURCHASE", p.reference() + " " + p.total().toPlainString());
            Notifications.success(getTranslation("shop.ui.purchase.done", p.reference(), money(p.total())));
            lines.clear();
            pending.setItems(lines);
            memberNumber.clear();
            supplier.clear();
            key = Keys.newKey();
            refresh();
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private void configureRecent(boolean manage) {
        recent.setId("shop-purchases-grid");
        recent.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        recent.addColumn(Purchase::reference).setHeader(getTranslation("shop.ui.number")).setAutoWidth(true);
        recent.addColumn(p -> Formats.date(p.valueDate(), getLocale())).setHeader(getTranslation("shop.ui.date")).setAutoWidth(true);
        recent.addColumn(Purchase::supplierName).setHeader(getTranslation("shop.ui.supplier")).setFlexGrow(2);
        recent.addColumn(p -> money(p.total())).setHeader(getTranslation("shop.ui.total")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        recent.addColumn(p -> money(p.outstanding())).setHeader(getTranslation("shop.ui.outstanding")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        if (manage) {
            recent.addComponentColumn(this::payButtons).setAutoWidth(true).setFlexGrow(0);
        }
    }

    private HorizontalLayout payButtons(Purchase p) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (p.outstanding().signum() > 0) {
            buttons.add(pay(p, PayablePayment.Channel.CASH));
            if (p.supplierMemberId() != null) {
                buttons.add(pay(p, PayablePayment.Channel.SAVINGS));
            }
        }
        return buttons;
    }

    private Button pay(Purchase p, PayablePayment.Channel channel) {
        Button b = new Button(getTranslation("shop.ui.pay." + channel.name()), e -> {
            try {
                purchases.pay(cooperative.id(), new PayablePayment(p.id(), p.outstanding(), channel, null, Keys.newKey()));
                audit.done(cooperative.id(), "SHOP_PAYABLE_PAYMENT", p.reference() + " " + channel.name());
                Notifications.success(getTranslation("shop.ui.paid", p.reference()));
                refresh();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        b.setId("pay-" + channel.name().toLowerCase(Locale.ROOT) + "-" + p.reference());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void refresh() {
        LocalDate today = cooperative.today(clock);
        recent.setItems(purchases.purchases(cooperative.id(), null, today.minusDays(90), today, 0, 500));
    }

    private String money(BigDecimal amount) {
        return Formats.money(amount.setScale(2, RoundingMode.HALF_EVEN), cooperative.baseCurrency(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.purchases") + " — Lumbung";
    }
}
