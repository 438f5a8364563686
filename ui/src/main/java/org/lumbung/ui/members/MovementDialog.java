package org.lumbung.ui.members;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.Booked;
import org.lumbung.savings.Movement;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.lumbung.savings.TimeDepositPayout;
import org.lumbung.savings.Transfer;
import org.lumbung.savings.UsualAmounts;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.LargeAmount;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.platform.i18n.Messages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A deposit, withdrawal, fee or transfer on one account: amount, value date (today unless changed), note.
 * The idempotency key is made when the dialog opens and kept across retries, so a double click or a
 * retry after a lost answer books once.
 */
class MovementDialog extends Dialog {

    enum Kind {
        DEPOSIT, WITHDRAW, FEE, TRANSFER;

        /** The audit log's name of the movement, as the log's screen translates it. */
        String auditAction() {
            return this == WITHDRAW ? "SAVINGS_WITHDRAWAL" : "SAVINGS_" + name();
        }
    }

    private final String key = Keys.newKey();

    MovementDialog(Kind kind, SavingsService savings, UsualAmounts usual, UiAudit audit, long cooperativeId,
                   SavingsAccount account, List<SavingsAccount> others, LocalDate today, Runnable booked) {
        setId("movement-dialog");
        setHeaderTitle(getTranslation("movement.title." + kind.name(), account.number()));
        setWidth("min(30em, 96vw)");
        Paragraph balance = new Paragraph(getTranslation("movement.balance",
                Formats.money(account.balance(), account.currency(), getLocale())));
        AmountField amount = new AmountField(getTranslation("movement.amount") + " (" + account.currency() + ")");
        amount.setId("movement-amount");
        amount.setCurrency(account.currency());
        amount.setRequired(true);
        amount.setAutofocus(true);
        DatePicker valueDate = new DateField(getTranslation("entry.value-date"));
        valueDate.setId("movement-date");
        valueDate.setValue(today);
        valueDate.setMax(today);
        valueDate.setRequired(true);
        TextField note = new TextField(getTranslation("tx.note"));
        note.setId("movement-note");
        TextLimit.limit(note, 200);
        note.setRequired(kind == Kind.FEE);
        Select<SavingsAccount> target = new Select<>();
        target.setId("movement-target");
        target.setLabel(getTranslation("movement.to"));
        target.setItems(others);
        target.setItemLabelGenerator(a -> a.number() + " — " + a.product().name(getLocale()));
        if (!others.isEmpty()) {
            target.setValue(others.stream().filter(a -> a.kind() == SavingsKind.MANDATORY).findFirst().orElse(others.get(0)));
        }
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        if (kind == Kind.TRANSFER) {
            form.add(target);
        }
        form.add(amount, valueDate, note);
        add(balance, form);
        if (kind == Kind.WITHDRAW && account.kind() == SavingsKind.TIME_DEPOSIT) {
            Paragraph quote = new Paragraph();
            quote.setId("payout-quote");
            addComponentAtIndex(1, quote); // under the balance: what leaves the account before the amount typed
            showPayout(savings, cooperativeId, account, valueDate.getValue(), quote, amount);
            valueDate.addValueChangeListener(e -> showPayout(savings, cooperativeId, account, e.getValue(), quote, amount));
        }

        Button save = new Button(getTranslation("movement.save." + kind.name()), e -> {
            BigDecimal value = amount.getAmount();
            e.getSource().setEnabled(true);
            if (value == null) {
                amount.focus();
                return;
            }
            String text = note.getValue().isBlank() ? null : note.getValue().strip();
            LargeAmount.confirmAbove(this, value, usual.confirmAbove(cooperativeId, account.id()), account.currency(),
                    () -> save(kind, savings, audit, cooperativeId, account, target.getValue(), value, valueDate.getValue(),
                            text, booked));
        });
        save.setId("save-movement");
        save.setDisableOnClick(true);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    /**
     * A time deposit leaves whole, with the interest it earned since the last run: the quote for the value date says
     * how much that is, what the penalty keeps before maturity and what the member is handed, and fills in the amount.
     */
    private void showPayout(SavingsService savings, long cooperativeId, SavingsAccount account, @Nullable LocalDate on,
                            Paragraph quote, AmountField amount) {
        if (on == null) {
            quote.setText("");
            return;
        }
        try {
            TimeDepositPayout payout = savings.payoutQuote(cooperativeId, account.id(), on);
            quote.setText(account.maturityOn() != null && !on.isBefore(account.maturityOn())
                    ? getTranslation("movement.payout.matured", money(payout.balance(), account), money(payout.interest(), account),
                    money(payout.amount(), account))
                    : getTranslation("movement.payout", money(payout.balance(), account), money(payout.interest(), account),
                    money(payout.amount(), account), money(payout.penalty(), account), money(payout.cash(), account)));
            amount.setAmount(payout.amount());
        } catch (DomainException ex) {
            quote.setText(Messages.of(ex, getLocale()));
        }
    }

    private String money(BigDecimal value, SavingsAccount account) {
        return Formats.money(value, account.currency(), getLocale());
    }

    /** Books the movement; a refusal is shown and books nothing (the key stays for a retry). */
    private void save(Kind kind, SavingsService savings, UiAudit audit, long cooperativeId, SavingsAccount account,
                      SavingsAccount target, BigDecimal value, LocalDate valueDate, @Nullable String text, Runnable booked) {
        try {
            Booked result = book(kind, savings, cooperativeId, account, target, value, valueDate, text);
            audit.done(cooperativeId, kind.auditAction(), "receipt " + result.transaction().receiptNumber() + ": "
                    + account.number() + " " + value.toPlainString() + " " + account.currency());
            Notifications.success(getTranslation("movement.booked", result.transaction().receiptNumber(),
                    Formats.money(result.balanceAfter(), account.currency(), getLocale())));
            Notifications.warnings(result);
            close();
            booked.run();
        } catch (DomainException ex) {
            audit.refused(cooperativeId, kind.auditAction(), account.number() + ": " + ex.messageKey());
            Notifications.refused(ex);
        }
    }

    private Booked book(Kind kind, SavingsService savings, long cooperativeId, SavingsAccount account, SavingsAccount target,
                        BigDecimal value, LocalDate valueDate, @Nullable String text) {
        return switch (kind) {
            case DEPOSIT -> savings.deposit(cooperativeId, new Movement(account.id(), value, valueDate, text, key));
            case WITHDRAW -> savings.withdraw(cooperativeId, new Movement(account.id(), value, valueDate, text, key));
            case FEE -> savings.chargeFee(cooperativeId, new Movement(account.id(), value, valueDate, text, key));
            case TRANSFER -> savings.transfer(cooperativeId, new Transfer(account.id(),
                    target == null ? account.id() : target.id(), value, valueDate, text, key));
        };
    }
}
