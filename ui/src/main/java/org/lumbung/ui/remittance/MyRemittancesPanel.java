package org.lumbung.ui.remittance;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.lumbung.remittance.Allocation;
import org.lumbung.remittance.Remittance;
import org.lumbung.remittance.RemittanceFilter;
import org.lumbung.remittance.RemittanceReceipt;
import org.lumbung.remittance.RemittanceService;
import org.lumbung.ui.i18n.Formats;

import java.util.List;

/**
 * A member's own remittances on her phone, newest first: when, from where, what was sent and what arrived, and
 * where every part of it went (savings, the loan, cash, the fee), with the receipt. Cards, nothing scrolls sideways.
 */
public class MyRemittancesPanel extends VerticalLayout {

    static final int SHOWN = 12;

    public MyRemittancesPanel(RemittanceService remittances, RemittanceReceipt receipts, long cooperativeId, long memberId) {
        setId("my-remittances");
        setPadding(false);
        setSpacing(false);
        List<Remittance> mine = remittances.remittances(cooperativeId, RemittanceFilter.ofMember(memberId), 0, SHOWN);
        if (mine.isEmpty()) {
            return;
        }
        add(new H3(getTranslation("remit.my.title")));
        mine.forEach(r -> add(card(r, receipts)));
    }

    private Div card(Remittance r, RemittanceReceipt receipts) {
        Div card = new Div();
        card.setId("my-remittance-" + r.receiptNumber());
        card.setWidthFull();
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-s)").set("box-sizing", "border-box")
                .set("overflow-wrap", "anywhere");
        Span head = new Span(Formats.date(r.receivedOn(), getLocale()) + " · " + RemittanceReceipt.country(r.corridor(), getLocale()));
        head.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div amounts = new Div(new Span(Formats.money(r.sentAmount(), r.sentCurrency(), getLocale()) + " → "
                + Formats.money(r.receivedAmount(), r.receivedCurrency(), getLocale())));
        amounts.getStyle().set("font-weight", "600");
        card.add(new Div(head), amounts);
        r.allocations().forEach(a -> card.add(part(a, r.receivedCurrency())));
        card.add(new Div(new RemittanceReceiptLink(receipts, r, getTranslation("remit.receipt") + " #" + r.receiptNumber())));
        return card;
    }

    private Div part(Allocation a, String currency) {
        String where = getTranslation("remittance.kind." + a.kind().name()) + (a.reference() == null ? "" : " " + a.reference());
        Div line = new Div(new Span(where + ": " + Formats.money(a.amount(), currency, getLocale())));
        line.addClassName("my-remittance-part");
        return line;
    }
}
