package org.lumbung.ui.members;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.Booked;
import org.lumbung.savings.NewTimeDeposit;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsService;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opens a time deposit: product, principal, value date, paid in cash or from the member's voluntary savings. */
class TimeDepositDialog extends Dialog {

    private final String key = Keys.newKey();

    TimeDepositDialog(SavingsService savings, UiAudit audit, long cooperativeId, Member member, List<SavingsProduct> products,
                      List<SavingsAccount> voluntary, LocalDate today, Runnable booked) {
        setId("time-deposit-dialog");
        setHeaderTitle(getTranslation("time-deposit.title", member.displayNumber()));
        setWidth("min(30em, 96vw)");
        Select<SavingsProduct> product = new Select<>();
        product.setId("time-deposit-product");
        product.setLabel(getTranslation("savings.product"));
        product.setItems(products);
        product.setItemLabelGenerator(p -> p.name(getLocale()) + " (" + getTranslation("products.term-months", p.termMonths()) + ", "
                + Formats.rate(p.interestRate(), getLocale()) + ")");
        if (!products.isEmpty()) {
            product.setValue(products.get(0));
        }
        AmountField principal = new AmountField(getTranslation("time-deposit.principal"));
        principal.setId("time-deposit-principal");
        principal.setRequired(true);
        product.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                principal.setCurrency(e.getValue().currency());
            }
        });
        Optional.ofNullable(product.getValue()).ifPresent(p -> principal.setCurrency(p.currency()));
        DatePicker valueDate = new DateField(getTranslation("entry.value-date"));
        valueDate.setId("time-deposit-date");
        valueDate.setValue(today);
        valueDate.setMax(today);
        Select<Optional<SavingsAccount>> funding = new Select<>();
        funding.setId("time-deposit-funding");
        funding.setLabel(getTranslation("time-deposit.funding"));
        List<Optional<SavingsAccount>> sources = new ArrayList<>();
        sources.add(Optional.empty());
        voluntary.forEach(a -> sources.add(Optional.of(a)));
        funding.setItems(sources);
        funding.setItemLabelGenerator(o -> o.map(a -> getTranslation("time-deposit.from-account", a.number(),
                Formats.money(a.balance(), a.currency(), getLocale()))).orElse(getTranslation("time-deposit.cash")));
        funding.setValue(Optional.empty());
        FormLayout form = new FormLayout(product, principal, valueDate, funding);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button(getTranslation("time-deposit.open"), e -> {
            BigDecimal amount = principal.getAmount();
            if (amount == null || product.getValue() == null) {
                principal.focus();
                e.getSource().setEnabled(true);
                return;
            }
            try {
                Booked result = savings.openTimeDeposit(cooperativeId, new NewTimeDeposit(member.id(), product.getValue().id(),
                        amount, valueDate.getValue(), funding.getValue().map(SavingsAccount::id).orElse(null), key));
                audit.done(cooperativeId, "OPEN_TIME_DEPOSIT", "receipt " + result.transaction().receiptNumber() + ": "
                        + result.transaction().accountNumber() + " " + amount.toPlainString());
                Notifications.success(getTranslation("time-deposit.opened", result.transaction().accountNumber(),
                        result.transaction().receiptNumber()));
                Notifications.warnings(result);
                close();
                booked.run();
            } catch (DomainException ex) {
                audit.refused(cooperativeId, "OPEN_TIME_DEPOSIT", member.displayNumber() + ": " + ex.messageKey());
                Notifications.refused(ex);
                e.getSource().setEnabled(true);
            }
        });
        save.setId("save-time-deposit");
        save.setDisableOnClick(true);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
