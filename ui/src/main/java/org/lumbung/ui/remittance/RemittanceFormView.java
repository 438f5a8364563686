package org.lumbung.ui.remittance;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.fx.DatedRate;
import org.lumbung.fx.ExchangeRateService;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanStatus;
import org.lumbung.members.Member;
import org.lumbung.members.MemberFilter;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.remittance.AllocationKind;
import org.lumbung.remittance.AllocationRules;
import org.lumbung.remittance.NewAllocation;
import org.lumbung.remittance.NewRemittance;
import org.lumbung.remittance.RecordedRemittance;
import org.lumbung.remittance.RemittanceChannel;
import org.lumbung.remittance.RemittanceConversion;
import org.lumbung.remittance.RemittanceReceipt;
import org.lumbung.remittance.RemittanceService;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.i18n.Rates;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A remittance at the counter, fast enough for a payday queue: the member by number or name, where from, the
 * currency and the amount; the conversion shows as it is typed (the rate entered, or the day's rate), savings, a
 * loan repayment and the cooperative's fee are split off, and the rest is the cash paid out — checked live, so the
 * parts always add up. Enter saves and starts the next one; the receipt of the last one is offered for printing.
 */
@Route("remittances/new")
@RequiresAbility("RECORD_REMITTANCE")
@Menu(title = "nav.remittance.new", order = 450, icon = "vaadin:money-deposit")
@MenuGroup("nav.group.remittances")
public class RemittanceFormView extends VerticalLayout implements HasDynamicTitle {

    private final MemberService members;
    private final SavingsService savings;
    private final LoanService loans;
    private final ExchangeRateService rates;
    private final RemittanceService remittances;
    private final RemittanceReceipt receipts;
    private final UiAudit audit;
    private final Cooperative cooperative;
    private final TextField member = new TextField();
    private final Span memberName = new Span();
    private final Select<String> corridor = new Select<>();
    private final Select<RemittanceChannel> channel = new Select<>();
    private final Select<String> currency = new Select<>();
    private final AmountField sent = new AmountField(null);
    private final AmountField senderFee = new AmountField(null);
    private final TextField rate = new TextField();
    private final Span received = new Span();
    private final Select<SavingsAccount> savingsAccount = new Select<>();
    private final AmountField toSavings = new AmountField(null);
    private final Select<Loan> loan = new Select<>();
    private final AmountField toLoan = new AmountField(null);
    private final AmountField fee = new AmountField(null);
    private final Span cash = new Span();
    private final DatePicker receivedOn = new DateField();
    private final Div last = new Div();
    private @Nullable Member found;
    private String key = Keys.newKey();

    public RemittanceFormView(CurrentCooperative current, MemberService members, SavingsService savings, LoanService loans,
                              ExchangeRateService rates, RemittanceService remittances, RemittanceReceipt receipts,
                              UiAudit audit, Clock clock) {
        this.members = members;
        this.savings = savings;
        this.loans = loans;
        this.rates = rates;
        this.remittances = remittances;
        this.receipts = receipts;
        this.audit = audit;
        this.cooperative = current.require();
        setId("remittance-form-view");
        memberFields();
        sendingFields(clock);
        allocationFields();
        Button save = new Button(getTranslation("remit.save"), e -> save());
        save.setId("remit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout who = row(member, memberName, receivedOn);
        FlexLayout what = row(corridor, channel, currency, sent, senderFee, rate, received);
        FlexLayout where = row(savingsAccount, toSavings, loan, toLoan, fee, cash, save);
        Div form = new Div(who, what, where);
        form.setId("remit-form");
        Shortcuts.addShortcutListener(form, this::save, Key.ENTER).listenOn(form);
        Paragraph hint = new Paragraph(getTranslation("remit.hint"));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        last.setId("remit-last");
        add(new H2(getTranslation("nav.remittance.new")), hint, form, last);
        refresh();
    }

    private void memberFields() {
        member.setId("remit-member");
        member.setLabel(getTranslation("remit.member"));
        member.setMaxLength(100);
        member.setAutofocus(true);
        member.setValueChangeMode(ValueChangeMode.LAZY);
        member.setValueChangeTimeout(250);
        member.addValueChangeListener(e -> findMember());
        memberName.setId("remit-member-name");
        memberName.getStyle().set("min-width", "14em").set("font-weight", "600");
    }

    private void sendingFields(Clock clock) {
        receivedOn.setId("remit-date");
        receivedOn.setLabel(getTranslation("remit.received-on"));
        receivedOn.setValue(cooperative.today(clock));
        receivedOn.setMax(cooperative.today(clock));
        corridor.setId("remit-corridor");
        corridor.setLabel(getTranslation("remit.corridor"));
        corridor.setItems(Corridors.codes());
        corridor.setItemLabelGenerator(c -> RemittanceReceipt.country(c, getLocale()));
        corridor.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                currency.setValue(Corridors.CURRENCY.get(e.getValue()));
            }
        });
        channel.setId("remit-channel");
        channel.setLabel(getTranslation("remit.channel"));
        channel.setItems(RemittanceChannel.values());
        channel.setItemLabelGenerator(c -> getTranslation("remittance.channel." + c.name()));
        channel.setValue(RemittanceChannel.MONEY_TRANSFER_OPERATOR);
        currency.setId("remit-currency");
        currency.setLabel(getTranslation("remit.currency"));
        currency.setItems(Corridors.currencyCodes());
        currency.addValueChangeListener(e -> currencyChanged());
        amount(sent, "remit-sent", "remit.sent");
        amount(senderFee, "remit-sender-fee", "remit.sender-fee");
        senderFee.setZeroAllowed(true);
        rate.setId("remit-rate");
        rate.setLabel(getTranslation("remit.rate"));
        rate.setMaxLength(24);
        rate.setValueChangeMode(ValueChangeMode.LAZY);
        rate.setValueChangeTimeout(250);
        rate.addValueChangeListener(e -> refresh());
        receivedOn.addValueChangeListener(e -> refresh());
        received.setId("remit-received");
        received.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        corridor.setValue("MY");
    }

    private void allocationFields() {
        savingsAccount.setId("remit-savings-account");
        savingsAccount.setLabel(getTranslation("remit.savings-account"));
        savingsAccount.setItemLabelGenerator(a -> a.number() + " " + a.product().name(getLocale()));
        amount(toSavings, "remit-to-savings", "remit.to-savings");
        loan.setId("remit-loan");
        loan.setLabel(getTranslation("remit.loan"));
        loan.setItemLabelGenerator(l -> l == null ? getTranslation("remit.loan.none") : l.number());
        loan.setEmptySelectionAllowed(true);
        amount(toLoan, "remit-to-loan", "remit.to-loan");
        amount(fee, "remit-fee", "remit.fee");
        cash.setId("remit-cash");
        cash.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        fee.setCurrency(cooperative.baseCurrency());
        toSavings.setCurrency(cooperative.baseCurrency());
        toLoan.setCurrency(cooperative.baseCurrency());
    }

    private void amount(AmountField field, String id, String label) {
        field.setId(id);
        field.setLabel(getTranslation(label));
        field.setWidth("11em");
        field.addValueChangeListener(e -> refresh());
    }

    private static FlexLayout row(Component... parts) {
        FlexLayout row = new FlexLayout(parts);
        row.setWidthFull();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    private void currencyChanged() {
        String code = currency.getValue() == null ? cooperative.baseCurrency() : currency.getValue();
        sent.setCurrency(code);
        senderFee.setCurrency(code);
        refresh();
    }

    // --- the member ------------------------------------------------------------------------------------------------

    /** By number (digits) or by name (when exactly one member matches). */
    private void findMember() {
        String text = member.getValue() == null ? "" : member.getValue().strip();
        Optional<Member> m = text.matches("[0-9]{1,9}") ? members.byNumber(cooperative.id(), Integer.parseInt(text))
                : text.length() < 3 ? Optional.empty() : onlyMatch(text);
        found = m.orElse(null);
        memberName.setText(m.map(x -> x.displayNumber() + " " + x.fullName())
                .orElse(text.isEmpty() ? "" : getTranslation("remit.no-member")));
        memberName.getStyle().set("color", m.isPresent() ? "inherit" : "var(--lumo-error-text-color)");
        m.ifPresent(this::memberChosen);
    }

    private Optional<Member> onlyMatch(String text) {
        List<Member> matches = members.page(cooperative.id(), MemberFilter.text(text), 0, 2);
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Her savings (voluntary first), her active loans, and the corridor of her latest stay abroad. */
    private void memberChosen(Member m) {
        List<SavingsAccount> accounts = savings.accounts(cooperative.id(), m.id()).stream()
                .filter(a -> a.active() && (a.kind() == SavingsKind.VOLUNTARY || a.kind() == SavingsKind.MANDATORY)
                        && a.currency().equals(cooperative.baseCurrency()))
                .sorted(Comparator.comparing(a -> a.kind() != SavingsKind.VOLUNTARY)).toList();
        savingsAccount.setItems(accounts);
        accounts.stream().findFirst().ifPresent(savingsAccount::setValue);
        loan.setItems(loans.loansOf(cooperative.id(), m.id()).stream().filter(l -> l.status() == LoanStatus.ACTIVE).toList());
        members.migrations(cooperative.id(), m.id()).stream().reduce((a, b) -> b)
                .filter(x -> Corridors.CURRENCY.containsKey(x.destinationCountry()))
                .ifPresent(x -> corridor.setValue(x.destinationCountry()));
    }

    // --- live figures -------------------------------------------------------------------------------------------------

    /** The rate typed, or the cooperative's rate of the day when none is typed; empty when neither is there. */
    private Optional<BigDecimal> rate() {
        String text = rate.getValue() == null ? "" : rate.getValue().strip();
        if (!text.isEmpty()) {
            return Rates.tryParse(text, getLocale());
        }
        if (currency.getValue() == null || receivedOn.getValue() == null) {
            return Optional.empty();
        }
        Optional<DatedRate> dated = rates.rateOn(cooperative.id(), currency.getValue(), receivedOn.getValue());
        rate.setHelperText(dated.map(d -> getTranslation("remit.rate.dated", RemittanceReceipt.rate(d.rate(), getLocale()),
                Formats.date(d.rateDate(), getLocale()))).orElse(getTranslation("remit.rate.none")));
        return dated.map(DatedRate::rate);
    }

    private Optional<BigDecimal> receivedAmount() {
        BigDecimal amount = sent.getAmount();
        Optional<BigDecimal> r = rate();
        if (amount == null || r.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RemittanceConversion.received(amount, r.get(), cooperative.baseCurrency()));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /** The conversion and the cash that is left once savings, the loan and the fee are taken; red when they exceed it. */
    private void refresh() {
        Optional<BigDecimal> total = receivedAmount();
        String base = cooperative.baseCurrency();
        received.setText(total.map(t -> "= " + Formats.money(t, base, getLocale())).orElse(""));
        BigDecimal rest = total.map(t -> AllocationRules.remaining(t, split())).orElse(null);
        cash.setText(rest == null ? "" : rest.signum() >= 0 ? getTranslation("remit.cash", Formats.money(rest, base, getLocale()))
                : getTranslation("remit.over", Formats.money(rest.negate(), base, getLocale())));
        cash.getStyle().set("color", rest != null && rest.signum() < 0 ? "var(--lumo-error-text-color)" : "inherit");
    }

    private List<BigDecimal> split() {
        List<BigDecimal> parts = new ArrayList<>();
        for (AmountField f : List.of(toSavings, toLoan, fee)) {
            BigDecimal v = f.getValue() == null || f.getValue().isBlank() ? null : f.getAmount();
            if (v != null) {
                parts.add(v);
            }
        }
        return parts;
    }

    // --- saving ---------------------------------------------------------------------------------------------------------

    private void save() {
        if (found == null) {
            Notifications.refused(DomainException.notFound("member.not-found", member.getValue()));
            member.focus();
            return;
        }
        if (!rate.getValue().isBlank()) {
            try {
                Rates.parse(rate.getValue(), getLocale());
                rate.setInvalid(false);
            } catch (DomainException ex) {
                rate.setErrorMessage(Messages.of(ex, getLocale())); // the typed rate, not the day's, is what is wrong
                rate.setInvalid(true);
                rate.focus();
                return;
            }
        }
        Optional<BigDecimal> total = receivedAmount();
        if (total.isEmpty()) {
            sent.focus();
            return;
        }
        try {
            RecordedRemittance r = remittances.record(cooperative.id(), remittance(total.get()));
            audit.done(cooperative.id(), "REMITTANCE", "receipt " + r.remittance().receiptNumber() + ": "
                    + r.remittance().sentAmount().toPlainString() + " " + r.remittance().sentCurrency());
            booked(r);
        } catch (DomainException ex) {
            audit.refused(cooperative.id(), "REMITTANCE", found.displayNumber() + ": " + ex.messageKey());
            Notifications.refused(ex); // nothing was booked: the key stays for the retry
        }
    }

    private NewRemittance remittance(BigDecimal total) {
        List<NewAllocation> parts = new ArrayList<>();
        part(parts, AllocationKind.SAVINGS, toSavings, savingsAccount.getValue() == null ? null : savingsAccount.getValue().number());
        part(parts, AllocationKind.LOAN_REPAYMENT, toLoan, loan.getValue() == null ? null : loan.getValue().number());
        part(parts, AllocationKind.FEE, fee, null);
        BigDecimal rest = AllocationRules.remaining(total, parts.stream().map(NewAllocation::amount).toList());
        if (rest.signum() != 0) {
            parts.add(new NewAllocation(AllocationKind.CASH, rest, null));
        }
        String typedRate = rate.getValue() == null ? "" : rate.getValue().strip();
        BigDecimal feeSent = senderFee.getValue() == null || senderFee.getValue().isBlank() ? BigDecimal.ZERO : senderFee.getAmount();
        return new NewRemittance(Objects.requireNonNull(found).id(), receivedOn.getValue(), corridor.getValue(),
                channel.getValue(), null, currency.getValue(), sent.requireAmount(), feeSent,
                typedRate.isEmpty() ? null : Rates.tryParse(typedRate, getLocale()).orElse(null), parts, null, key);
    }

    private static void part(List<NewAllocation> parts, AllocationKind kind, AmountField field, @Nullable String account) {
        BigDecimal v = field.getValue() == null || field.getValue().isBlank() ? null : field.getAmount();
        if (v != null) {
            parts.add(new NewAllocation(kind, v, account));
        }
    }

    /** The receipt is offered; the form clears for the next member in the queue. */
    private void booked(RecordedRemittance r) {
        key = Keys.newKey();
        last.removeAll();
        last.add(new Span(getTranslation("remit.booked", r.remittance().receiptNumber(),
                Formats.money(r.remittance().receivedAmount(), r.remittance().receivedCurrency(), getLocale())) + " "),
                new RemittanceReceiptLink(receipts, r.remittance(), getTranslation("remit.receipt")));
        Notifications.success(getTranslation("remit.booked", r.remittance().receiptNumber(),
                Formats.money(r.remittance().receivedAmount(), r.remittance().receivedCurrency(), getLocale())));
        for (AmountField f : List.of(sent, senderFee, toSavings, toLoan, fee)) {
            f.clear();
        }
        rate.clear();
        member.clear();
        member.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.remittance.new") + " — Lumbung";
    }
}
