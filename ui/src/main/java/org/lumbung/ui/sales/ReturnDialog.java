package org.lumbung.ui.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.NewReturn;
import org.lumbung.sales.Sale;
import org.lumbung.sales.SaleReturns;
import org.lumbung.sales.SaleService;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Goods taken back against a sale: per line how many (at most what is left to return), and why. */
class ReturnDialog extends Dialog {

    private final Map<Integer, TextField> quantities = new LinkedHashMap<>();
    private final TextField reason = new TextField();
    private final String key = Keys.newKey();

    ReturnDialog(SaleService sales, SaleReturns returns, UiAudit audit, Cooperative cooperative, long saleId, Runnable done) {
        Sale s = sales.sale(cooperative.id(), saleId);
        setHeaderTitle(getTranslation("shop.ui.return.title", s.receipt()));
        FormLayout form = new FormLayout();
        for (Sale.Line l : s.lines()) {
            BigDecimal left = l.quantity().subtract(l.returnedQuantity());
            TextField q = ShopTexts.quantityField(l.productName().in(getLocale()) + " (" + getTranslation("shop.ui.return.left", ShopTexts.quantity(left, getLocale())) + ")");
            q.setId("return-line-" + l.lineNumber());
            q.setEnabled(left.signum() > 0);
            quantities.put(l.lineNumber(), q);
            form.add(q);
        }
        reason.setLabel(getTranslation("shop.ui.reason"));
        reason.setMaxLength(200);
        form.add(reason);
        add(form);
        Button save = new Button(getTranslation("shop.ui.return.save"), e -> save(returns, audit, cooperative, s, done));
        save.setId("save-return");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("shop.ui.cancel"), e -> close()), save);
    }

    private void save(SaleReturns returns, UiAudit audit, Cooperative cooperative, Sale s, Runnable done) {
        List<NewReturn.Line> lines = new ArrayList<>();
        for (Map.Entry<Integer, TextField> e : quantities.entrySet()) {
            if (e.getValue().getValue().isBlank()) {
                continue;
            }
            BigDecimal q = ShopTexts.parseQuantity(e.getValue().getValue(), getLocale());
            e.getValue().setInvalid(q == null);
            if (q == null) {
                return;
            }
            lines.add(new NewReturn.Line(e.getKey(), q));
        }
        if (lines.isEmpty()) {
            return;
        }
        try {
            Sale r = returns.takeBack(cooperative.id(), new NewReturn(s.id(), lines, null, reason.getValue(), key));
            audit.done(cooperative.id(), "SHOP_RETURN", r.receipt() + " " + s.receipt());
            Notifications.success(getTranslation("shop.ui.return.done", r.receipt()));
            done.run();
            close();
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }
}
