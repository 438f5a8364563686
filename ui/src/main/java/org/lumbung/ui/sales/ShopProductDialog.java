package org.lumbung.ui.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.NewShopProduct;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopProduct;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.Notifications;

import java.math.BigDecimal;

/** A new shop product or changes to one (its code stays: receipts print it). */
class ShopProductDialog extends Dialog {

    private final TextField code = field("shop.ui.code", 16);
    private final TextField barcode = field("shop.ui.barcode", 32);
    private final TextField nameEn = field("shop.ui.name-en", 120);
    private final TextField nameId = field("shop.ui.name-id", 120);
    private final TextField unit = field("shop.ui.unit", 12);
    private final TextField category = field("shop.ui.category", 40);
    private final AmountField salePrice = new AmountField(getTranslation("shop.ui.sale-price"));
    private final AmountField memberPrice = new AmountField(getTranslation("shop.ui.member-price"));
    private final TextField reorder = ShopTexts.quantityField(getTranslation("shop.ui.reorder-level"));
    private final Checkbox taxable = new Checkbox(getTranslation("shop.ui.taxable"));
    private final Checkbox active = new Checkbox(getTranslation("shop.ui.active"), true);
    private final Checkbox negative = new Checkbox(getTranslation("shop.ui.allows-negative"));

    ShopProductDialog(ShopCatalogue catalogue, UiAudit audit, Cooperative cooperative, @Nullable ShopProduct existing, Runnable saved) {
        setHeaderTitle(getTranslation(existing == null ? "shop.ui.product.new" : "shop.ui.product.edit"));
        salePrice.setCurrency(cooperative.baseCurrency());
        memberPrice.setCurrency(cooperative.baseCurrency());
        if (existing != null) {
            fill(existing);
        }
        FormLayout form = new FormLayout(code, barcode, nameId, nameEn, category, unit, salePrice, memberPrice, reorder, taxable,
                active, negative);
        add(form);
        Button save = new Button(getTranslation("shop.ui.save"), e -> save(catalogue, audit, cooperative, existing, saved));
        save.setId("save-shop-product");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("shop.ui.cancel"), e -> close()), save);
    }

    private TextField field(String key, int max) {
        TextField f = new TextField(getTranslation(key));
        f.setMaxLength(max);
        return f;
    }

    private void fill(ShopProduct p) {
        code.setValue(p.code());
        code.setReadOnly(true);
        barcode.setValue(p.barcode() == null ? "" : p.barcode());
        nameEn.setValue(p.nameEn());
        nameId.setValue(p.nameId());
        unit.setValue(p.unit());
        category.setValue(p.category());
        salePrice.setAmount(p.salePrice());
        memberPrice.setAmount(p.memberPrice());
        reorder.setValue(ShopTexts.quantity(p.reorderLevel(), getLocale()));
        taxable.setValue(p.taxable());
        active.setValue(p.active());
        negative.setValue(p.allowsNegative());
    }

    private void save(ShopCatalogue catalogue, UiAudit audit, Cooperative cooperative, @Nullable ShopProduct existing, Runnable saved) {
        BigDecimal reorderLevel = reorder.getValue().isBlank() ? BigDecimal.ZERO : ShopTexts.parseQuantity(reorder.getValue(), getLocale());
        reorder.setInvalid(reorderLevel == null);
        BigDecimal sale = salePrice.getAmount();
        BigDecimal member = memberPrice.getAmount();
        if (reorderLevel == null || sale == null || member == null) {
            return;
        }
        NewShopProduct p = new NewShopProduct(code.getValue(), barcode.getValue(), nameEn.getValue(), nameId.getValue(), unit.getValue(),
                category.getValue(), sale, member, taxable.getValue(), active.getValue(), negative.getValue(), reorderLevel);
        try {
            ShopProduct done = existing == null ? catalogue.create(cooperative.id(), p) : catalogue.update(cooperative.id(), existing.id(), p);
            audit.done(cooperative.id(), existing == null ? "CREATE_SHOP_PRODUCT" : "EDIT_SHOP_PRODUCT", done.code());
            saved.run();
            close();
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }
}
