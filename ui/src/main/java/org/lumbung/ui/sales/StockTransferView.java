package org.lumbung.ui.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.StockLevel;
import org.lumbung.sales.StockLocation;
import org.lumbung.sales.StockService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;

/**
 * Goods moved between the warehouse and the shop (no value moves), and spoiled or lost goods taken out of a location
 * at their average cost with the reason; what each location holds of the chosen product is shown beside it.
 */
@Route("shop/transfers")
@RequiresAbility("MANAGE_SHOP")
@Menu(title = "nav.shop.transfers", order = 665, icon = "vaadin:exchange")
@MenuGroup("nav.group.shop")
public class StockTransferView extends VerticalLayout implements HasDynamicTitle {

    private final StockService stock;
    private final UiAudit audit;
    private final Cooperative cooperative;
    private final ComboBox<StockLevel> product = new ComboBox<>();
    private final RadioButtonGroup<StockLocation.Kind> at = ShopTexts.locationChoice("shop.ui.move.from", StockLocation.Kind.WAREHOUSE);
    private final TextField quantity = ShopTexts.quantityField(null);
    private final TextField reason = new TextField();
    private final Span held = new Span();
    private String spoilKey = Keys.newKey();

    public StockTransferView(CurrentCooperative current, StockService stock, UiAudit audit) {
        this.stock = stock;
        this.audit = audit;
        this.cooperative = current.require();
        product.setId("move-product");
        product.setLabel(getTranslation("shop.ui.product"));
        product.setItemLabelGenerator(l -> l.product().code() + " — " + l.product().name(getLocale()));
        product.addValueChangeListener(e -> showHeld());
        at.setId("move-from");
        quantity.setId("move-quantity");
        quantity.setLabel(getTranslation("shop.ui.quantity"));
        reason.setId("move-reason");
        reason.setLabel(getTranslation("shop.ui.reason"));
        reason.setMaxLength(200);
        held.setId("move-held");
        Button transfer = new Button(getTranslation("shop.ui.move.transfer"), e -> transfer());
        transfer.setId("move-transfer");
        transfer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button spoil = new Button(getTranslation("shop.ui.move.spoil"), e -> spoil());
        spoil.setId("move-spoil");
        spoil.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout what = new HorizontalLayout(product, at, quantity, reason);
        what.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("nav.shop.transfers")), what, held, new HorizontalLayout(transfer, spoil));
        refresh(null);
    }

    private void transfer() {
        BigDecimal q = quantity();
        if (q == null) {
            return;
        }
        try {
            stock.transfer(cooperative.id(), product.getValue().product().id(), at.getValue(), q, null, reason.getValue());
            audit.done(cooperative.id(), "SHOP_TRANSFER", product.getValue().product().code() + " " + q.toPlainString());
            Notifications.success(getTranslation("shop.ui.move.transferred", ShopTexts.quantity(q, getLocale()), product.getValue().product().code()));
            refresh(product.getValue().product().id());
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private void spoil() {
        BigDecimal q = quantity();
        if (q == null) {
            return;
        }
        try {
            stock.spoil(cooperative.id(), product.getValue().product().id(), at.getValue(), q, null, reason.getValue(), spoilKey);
            audit.done(cooperative.id(), "SHOP_SPOILAGE", product.getValue().product().code() + " " + q.toPlainString());
            Notifications.success(getTranslation("shop.ui.move.spoiled", ShopTexts.quantity(q, getLocale()), product.getValue().product().code()));
            spoilKey = Keys.newKey();
            refresh(product.getValue().product().id());
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    /** The typed quantity with a product chosen, else null with the fields marked. */
    private @Nullable BigDecimal quantity() {
        BigDecimal q = ShopTexts.parseQuantity(quantity.getValue(), getLocale());
        quantity.setInvalid(q == null || q.signum() <= 0);
        product.setInvalid(product.getValue() == null);
        return q == null || q.signum() <= 0 || product.getValue() == null ? null : q;
    }

    /** Reloads the levels, keeping the product chosen. */
    private void refresh(@Nullable Long productId) {
        var levels = stock.levels(cooperative.id());
        product.setItems(levels);
        levels.stream().filter(l -> productId != null && l.product().id() == productId).findFirst().ifPresent(product::setValue);
        quantity.clear();
        showHeld();
    }

    private void showHeld() {
        StockLevel l = product.getValue();
        held.setText(l == null ? "" : getTranslation("shop.ui.move.held",
                ShopTexts.quantity(l.byLocation().getOrDefault("SHOP", BigDecimal.ZERO), getLocale()),
                ShopTexts.quantity(l.byLocation().getOrDefault("WAREHOUSE", BigDecimal.ZERO), getLocale()), l.product().unit()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.transfers") + " — Lumbung";
    }
}
