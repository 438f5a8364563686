package org.lumbung.ui.my;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.lumbung.savings.ReceiptDocument;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.SavingsTransaction;
import org.lumbung.ui.components.TransactionText;
import org.lumbung.ui.components.ReceiptLink;
import org.lumbung.ui.i18n.Formats;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A member's statement as a list of cards, newest first, for a 360 px phone: each card says when, what, on
 * which account, how much, the balance after it and the receipt — nothing hidden behind a sideways scroll.
 * Pages of {@value #PAGE} with a "show more" at the end.
 */
class StatementCards extends Div {

    static final int PAGE = 20;

    private final SavingsService savings;
    private final ReceiptDocument receipts;
    private final long cooperativeId;
    private final long memberId;
    private final Map<String, SavingsAccount> accountsByNumber;
    private final Div cards = new Div();
    private final Button more = new Button();
    private int shown;

    StatementCards(SavingsService savings, ReceiptDocument receipts, long cooperativeId, long memberId, List<SavingsAccount> accounts) {
        this.savings = savings;
        this.receipts = receipts;
        this.cooperativeId = cooperativeId;
        this.memberId = memberId;
        this.accountsByNumber = accounts.stream().collect(Collectors.toMap(SavingsAccount::number, Function.identity(), (a, b) -> a));
        setId("my-statement");
        setWidthFull();
        cards.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        more.setText(getTranslation("my.statement.more"));
        more.setId("my-statement-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> showMore());
        add(cards, more);
        showMore();
        if (shown == 0) {
            Span none = new Span(getTranslation("my.statement.empty"));
            none.setId("my-statement-empty");
            cards.add(none);
        }
    }

    private void showMore() {
        List<SavingsTransaction> page = savings.transactions(cooperativeId, memberId, shown, PAGE);
        page.forEach(t -> cards.add(card(t)));
        shown += page.size();
        more.setVisible(shown < savings.transactionCount(cooperativeId, memberId));
    }

    private Div card(SavingsTransaction t) {
        Div card = new Div();
        card.addClassName("statement-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("display", "grid")
                .set("grid-template-columns", "minmax(0, 1fr) auto").set("gap", "0 var(--lumo-space-s)");
        Span date = secondary(Formats.date(t.valueDate(), getLocale()));
        Span amount = new Span(Formats.money(t.amount(), t.currency(), getLocale()));
        amount.addClassName("statement-amount");
        amount.getStyle().set("font-weight", "600").set("text-align", "end").set("white-space", "nowrap");
        Span what = new Span(TransactionText.what(this::getTranslation, t));
        what.getStyle().set("font-weight", "500");
        ReceiptLink receipt = new ReceiptLink(receipts, cooperativeId, t.receiptNumber(), "#" + t.receiptNumber());
        receipt.getStyle().set("justify-self", "end");
        Span account = secondary(accountName(t.accountNumber()));
        account.addClassName("statement-account");
        account.getStyle().set("grid-column", "1 / -1");
        Span balance = secondary(getTranslation("my.statement.balance-after",
                Formats.money(savings.balanceAfter(cooperativeId, t), t.currency(), getLocale())));
        balance.getStyle().set("grid-column", "1 / -1");
        card.add(date, amount, what, receipt, account, balance);
        return card;
    }

    /** "Simpanan Sukarela · 2100.00042": which of her accounts, by the product's name and the number on her passbook. */
    private String accountName(String number) {
        SavingsAccount account = accountsByNumber.get(number);
        return account == null ? number : account.product().name(getLocale()) + " · " + number;
    }

    private static Span secondary(String text) {
        Span span = new Span(text);
        span.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("overflow-wrap", "anywhere");
        return span;
    }
}
