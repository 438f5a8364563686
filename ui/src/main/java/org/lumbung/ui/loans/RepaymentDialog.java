package org.lumbung.ui.loans;

import org.lumbung.ui.components.DateField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.lumbung.loans.Channel;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanRepayments;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.loans.Repayment;
import org.lumbung.loans.RepaymentPreview;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A repayment: as the amount is typed, how it splits (penalty, fees, interest, principal) and the balance after. */
class RepaymentDialog extends Dialog {

    private final AmountField amount = new AmountField("");
    private final DatePicker valueDate = new DateField();
    private final Select<Channel> channel = WorkoutDialogs.channel(this);
    private final TextField note = new TextField();
    private final Span split = new Span();
    private final String key = Keys.newKey();
    private final Loan loan;

    /** {@code today} is the cooperative's business date (the loan page's), not the wall clock's. */
    RepaymentDialog(LoanRepayments repayments, UiAudit audit, Loan loan, LocalDate today, Runnable saved) {
        this.loan = loan;
        setId("repayment-dialog");
        setHeaderTitle(getTranslation("loans.ui.repay.title", loan.number()));
        amount.setLabel(getTranslation("loans.ui.amount"));
        amount.setId("repayment-amount");
        amount.setCurrency(loan.currency());
        amount.setValueChangeMode(ValueChangeMode.LAZY);
        valueDate.setLabel(getTranslation("loans.ui.value-date"));
        valueDate.setValue(today);
        valueDate.setId("repayment-date");
        note.setLabel(getTranslation("loans.ui.note"));
        TextLimit.limit(note, LoanService.MAX_NOTE);
        split.setId("repayment-split");
        amount.addValueChangeListener(e -> showSplit(repayments));
        add(new FormLayout(amount, valueDate, channel, note), split);
        Button save = new Button(getTranslation("loans.ui.repay"), e -> save(repayments, audit, saved));
        save.setId("save-repayment");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("loans.ui.cancel"), e -> close()), save);
    }

    /** The split the engine would make of the amount typed, before anything is saved. */
    void showSplit(LoanRepayments repayments) {
        BigDecimal typed = amount.getAmount();
        if (typed == null) {
            split.setText("");
            return;
        }
        try {
            RepaymentPreview p = repayments.preview(loan.cooperativeId(), loan.id(), typed);
            String parts = getTranslation("loans.ui.repay.split", money(p.allocation().penalty()), money(p.allocation().fees()),
                    money(p.allocation().interest()), money(p.allocation().principal()), money(p.outstandingAfter()));
            split.setText(p.closesLoan() ? parts + " · " + getTranslation("loans.ui.repay.closes") : parts);
        } catch (DomainException refused) {
            split.setText(Messages.of(refused, getLocale()));
        }
    }

    private String money(BigDecimal value) {
        return Formats.money(value, loan.currency(), getLocale());
    }

    private void save(LoanRepayments repayments, UiAudit audit, Runnable saved) {
        try {
            LoanTransaction t = repayments.repay(loan.cooperativeId(), loan.id(),
                    new Repayment(amount.requireAmount(), valueDate.getValue(), channel.getValue(), note.getValue(), key));
            audit.done(loan.cooperativeId(), "REPAY_LOAN", loan.number() + " " + t.amount().toPlainString());
            Notifications.success(getTranslation("loans.ui.repaid", money(t.amount()), loan.number()));
            close();
            saved.run();
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }
}
