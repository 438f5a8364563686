package org.lumbung.ui.sales;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.lumbung.sales.MyShop;
import org.lumbung.sales.Sale;
import org.lumbung.sales.SaleReceipt;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's purchases at the cooperative's shop on her phone: what she owes on shop credit, then her last
 * purchases as cards (date, receipt, what she bought, the total) with the receipt to download.
 */
public class MyPurchasesPanel extends VerticalLayout {

    static final int SHOWN = 10;

    public MyPurchasesPanel(MyShop shop, SaleReceipt receipts, long cooperativeId, long memberId, String currency) {
        setId("my-purchases");
        setPadding(false);
        List<Sale> last = shop.purchases(cooperativeId, memberId, 0, SHOWN);
        BigDecimal owed = shop.owed(cooperativeId, memberId);
        if (last.isEmpty() && owed.signum() == 0) {
            return;
        }
        add(new H3(getTranslation("shop.ui.my.title")));
        if (owed.signum() != 0) {
            Span credit = new Span(getTranslation("shop.ui.my.owed", Formats.money(owed, currency, getLocale())));
            credit.setId("my-shop-credit");
            add(credit);
        }
        for (Sale s : last) {
            add(card(receipts, cooperativeId, s, currency));
        }
    }

    private Div card(SaleReceipt receipts, long cooperativeId, Sale s, String currency) {
        Div card = new Div();
        card.addClassName("shop-purchase-card");
        card.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("padding", "var(--lumo-space-s) 0")
                .set("overflow-wrap", "anywhere");
        String what = String.join(", ", s.lines().stream().map(l -> l.productName().in(getLocale())).toList());
        BigDecimal total = s.kind() == Sale.Kind.RETURN ? s.total().negate() : s.total();
        card.add(new Div(new Span(Formats.date(s.valueDate(), getLocale()) + " · " + s.receipt())),
                new Div(new Span(what.isEmpty() ? getTranslation("shop.ui.my.purchase") : what)),
                new Div(new Span(Formats.money(total, currency, getLocale()) + " · " + getTranslation("sales.payment." + s.payment().name()))),
                ShopReceiptLinks.of(receipts, cooperativeId, s, getLocale()));
        return card;
    }
}
