package org.lumbung.ui.savings;

import org.lumbung.ui.components.DateField;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Menu;
import org.lumbung.ui.security.RequiresAbility;
import org.lumbung.ui.MenuGroup;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.Booked;
import org.lumbung.savings.Movement;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.UsualAmounts;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.LargeAmount;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copying a meeting's passbook deposits, keyboard first: member number (the name appears when found),
 * product (mandatory savings unless changed), amount, value date; Enter saves and returns to the member
 * number. The session's deposits are listed below with their receipt numbers and a running total.
 */
@Route("savings/passbook")
@RequiresAbility("RECORD_SAVINGS")
@Menu(title = "nav.passbook", order = 200, icon = "vaadin:book-dollar")
@MenuGroup("nav.group.savings")
public class PassbookEntryView extends VerticalLayout implements HasDynamicTitle {

    /** One deposit of this session. */
    record Saved(int receiptNumber, String memberNumber, String memberName, String product, BigDecimal amount, String currency) {
    }

    private final MemberService members;
    private final SavingsService savings;
    private final UiAudit audit;
    private final UsualAmounts usual;
    private final Cooperative cooperative;
    private final TextField memberNumber = new TextField();
    private final Span memberName = new Span();
    private final Select<SavingsProduct> product = new Select<>();
    private final AmountField amount = new AmountField(null);
    private final DatePicker valueDate = new DateField();
    private final Grid<Saved> session = new Grid<>();
    private final List<Saved> saved = new ArrayList<>();
    private final Span total = new Span();
    private String key = Keys.newKey();

    public PassbookEntryView(CurrentCooperative current, MemberService members, SavingsService savings, SavingsProducts products,
                             UiAudit audit, Clock clock, UsualAmounts usual) {
        this.members = members;
        this.usual = usual;
        this.savings = savings;
        this.audit = audit;
        this.cooperative = current.require();

        memberNumber.setId("passbook-member");
        memberNumber.setLabel(getTranslation("passbook.member-number"));
        memberNumber.setAllowedCharPattern("[0-9]");
        memberNumber.setMaxLength(9);
        memberNumber.setAutofocus(true);
        memberNumber.setWidth("9em");
        memberNumber.setValueChangeMode(ValueChangeMode.LAZY);
        memberNumber.setValueChangeTimeout(200);
        memberNumber.addValueChangeListener(e -> showMember());
        memberName.setId("passbook-member-name");
        memberName.getStyle().set("min-width", "14em").set("font-weight", "600");

        List<SavingsProduct> depositable = products.products(cooperative.id()).stream()
                .filter(p -> p.active() && p.kind() != SavingsKind.TIME_DEPOSIT).toList();
        product.setId("passbook-product");
        product.setLabel(getTranslation("savings.product"));
        product.setItems(depositable);
        product.setItemLabelGenerator(p -> p.name(getLocale()));
        depositable.stream().filter(p -> p.kind() == SavingsKind.MANDATORY).findFirst()
                .or(() -> depositable.stream().findFirst()).ifPresent(product::setValue);

        amount.setId("passbook-amount");
        amount.setRequired(true);
        product.addValueChangeListener(e -> amountIn(e.getValue() == null ? cooperative.baseCurrency() : e.getValue().currency()));
        amountIn(product.getValue() == null ? cooperative.baseCurrency() : product.getValue().currency());
        amount.setWidth("12em");
        valueDate.setId("passbook-date");
        valueDate.setLabel(getTranslation("entry.value-date"));
        valueDate.setValue(cooperative.today(clock));
        valueDate.setMax(cooperative.today(clock));

        Button save = new Button(getTranslation("passbook.save"), e -> save());
        save.setId("passbook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FlexLayout form = new FlexLayout(memberNumber, memberName, product, amount, valueDate, save);
        form.setId("passbook-form");
        form.setWidthFull();
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        Shortcuts.addShortcutListener(form, this::save, Key.ENTER).listenOn(form);

        session.setId("passbook-session");
        session.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        session.addColumn(s -> "#" + s.receiptNumber()).setHeader(getTranslation("tx.receipt")).setAutoWidth(true).setFlexGrow(0);
        session.addColumn(Saved::memberNumber).setHeader(getTranslation("members.number")).setAutoWidth(true).setFlexGrow(0);
        session.addColumn(Saved::memberName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        session.addColumn(Saved::product).setHeader(getTranslation("savings.product")).setFlexGrow(1);
        session.addColumn(s -> Formats.money(s.amount(), s.currency(), getLocale())).setHeader(getTranslation("tx.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        total.setId("passbook-total");
        total.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        Div totals = new Div(new Span(getTranslation("passbook.session-total") + " "), total);
        totals.setId("passbook-totals");
        Paragraph hint = new Paragraph(getTranslation("passbook.hint"));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        add(new H2(getTranslation("nav.passbook")), hint, form, totals, session);
        setFlexGrow(1, session);
        refreshSession();
    }

    private Optional<Member> member() {
        String text = memberNumber.getValue();
        if (text == null || !text.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return members.byNumber(cooperative.id(), Integer.parseInt(text));
    }

    private void showMember() {
        Optional<Member> m = member();
        memberName.setText(m.map(x -> x.fullName() + " · " + getTranslation("member.status." + x.status()))
                .orElse(memberNumber.getValue().isBlank() ? "" : getTranslation("passbook.no-member")));
        memberName.getStyle().set("color", m.isPresent() ? "inherit" : "var(--lumo-error-text-color)");
    }

    /** A deposit is booked in its account's currency: the field reads and labels the amount in it. */
    private void amountIn(String currency) {
        amount.setCurrency(currency);
        amount.setLabel(getTranslation("movement.amount") + " (" + currency + ")");
    }

    private void save() {
        Optional<Member> m = member();
        if (m.isEmpty()) {
            showMember();
            Notifications.refused(DomainException.notFound("member.not-found", memberNumber.getValue()));
            memberNumber.focus();
            return;
        }
        BigDecimal value = amount.getAmount();
        if (value == null || product.getValue() == null) {
            amount.focus();
            return;
        }
        Member member = m.get();
        SavingsProduct p = product.getValue();
        try {
            SavingsAccount account = savings.accounts(cooperative.id(), member.id()).stream()
                    .filter(a -> a.product().id() == p.id() && a.active()).findFirst()
                    .orElseThrow(() -> DomainException.notFound("savings.account.not-found", member.displayNumber() + " " + p.code()));
            LargeAmount.confirmAbove(this, value, usual.confirmAbove(cooperative.id(), account.id()), account.currency(),
                    () -> book(member, p, account, value));
        } catch (DomainException ex) {
            audit.refused(cooperative.id(), "SAVINGS_DEPOSIT", member.displayNumber() + ": " + ex.messageKey());
            Notifications.refused(ex);
        }
    }

    private void book(Member member, SavingsProduct p, SavingsAccount account, BigDecimal value) {
        try {
            Booked booked = savings.deposit(cooperative.id(), new Movement(account.id(), value, valueDate.getValue(),
                    getTranslation("passbook.note"), key));
            audit.done(cooperative.id(), "SAVINGS_DEPOSIT", "receipt " + booked.transaction().receiptNumber() + ": "
                    + account.number() + " " + value.toPlainString() + " " + account.currency());
            key = Keys.newKey();
            saved.add(0, new Saved(booked.transaction().receiptNumber(), member.displayNumber(), member.fullName(),
                    p.name(getLocale()), booked.transaction().amount(), booked.transaction().currency()));
            refreshSession();
            Notifications.warnings(booked);
            memberNumber.clear();
            memberName.setText("");
            amount.clear();
            memberNumber.focus();
        } catch (DomainException ex) {
            audit.refused(cooperative.id(), "SAVINGS_DEPOSIT", member.displayNumber() + ": " + ex.messageKey());
            Notifications.refused(ex); // nothing was booked: the key stays for the retry
        }
    }

    private void refreshSession() {
        session.setItems(saved);
        String currency = saved.isEmpty() ? cooperative.baseCurrency() : saved.get(0).currency();
        BigDecimal sum = saved.stream().filter(s -> s.currency().equals(currency)).map(Saved::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        total.setText(Formats.money(sum, currency, getLocale()) + " · " + getTranslation("passbook.count", saved.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.passbook") + " — Lumbung";
    }
}
