package org.lumbung.ui.loans;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.lumbung.loans.Channel;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanRepayments;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanWorkouts;
import org.lumbung.loans.Repayment;
import org.lumbung.loans.Reschedule;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.PayoffQuote;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The loan page's dialogs for the workouts the loan services offer: payoff at the quote of a date, a
 * rescheduling, the request of a write-off (carried out by someone else on the page) and a recovery after a
 * write-off. Each calls its service once with a key made when the dialog opens; a refusal is shown and
 * changes nothing.
 */
final class WorkoutDialogs {

    private WorkoutDialogs() {
    }

    /**
     * What the dialogs share: the loan, the audit, the loans' today (the cooperative's business date, never
     * the wall clock's), what to do once saved and the key of this opening.
     */
    record Context(Loan loan, UiAudit audit, LocalDate today, Runnable saved, String key) {
    }

    static Dialog payoff(LoanRepayments repayments, Context c) {
        Dialog d = dialog("payoff-dialog", "loans.ui.pay-off.title", c);
        DatePicker date = date(d, "payoff-date", c.today());
        Select<Channel> channel = channel(d);
        Span quote = new Span();
        quote.setId("payoff-quote");
        PayoffQuote[] shown = new PayoffQuote[1];
        Runnable requote = () -> shown[0] = quote(d, repayments, c.loan(), date.getValue(), quote);
        date.addValueChangeListener(e -> requote.run());
        requote.run();
        d.add(new FormLayout(date, channel), quote);
        save(d, "save-payoff", "loans.ui.pay-off", "PAY_OFF_LOAN", c, () -> {
            // without a quote shown, asking for it again refuses with the reason (no date, a date too early…)
            PayoffQuote q = shown[0] != null ? shown[0]
                    : repayments.payoffQuote(c.loan().cooperativeId(), c.loan().id(), date.getValue());
            return repayments.payOff(c.loan().cooperativeId(), c.loan().id(),
                    new Repayment(q.total(), date.getValue(), channel.getValue(), null, c.key()));
        });
        return d;
    }

    private static @Nullable PayoffQuote quote(Dialog d, LoanRepayments repayments, Loan loan, @Nullable LocalDate date, Span shown) {
        try {
            PayoffQuote q = repayments.payoffQuote(loan.cooperativeId(), loan.id(), date);
            shown.setText(d.getTranslation("loans.ui.pay-off.quote", money(loan, q.principal()), money(loan, q.interest()),
                    money(loan, q.fees()), money(loan, q.penalty()), money(loan, q.total())));
            return q;
        } catch (DomainException refused) {
            shown.setText(Messages.of(refused, UI.getCurrent().getLocale()));
            return null;
        }
    }

    static Dialog reschedule(LoanWorkouts workouts, Context c) {
        Dialog d = dialog("reschedule-dialog", "loans.ui.reschedule.title", c);
        IntegerField instalments = new IntegerField(d.getTranslation("loans.ui.instalments"));
        instalments.setId("reschedule-instalments");
        instalments.setValue(c.loan().terms().instalments());
        DatePicker firstDue = date(d, "reschedule-first-due", c.today().plusMonths(1));
        firstDue.setLabel(d.getTranslation("loans.ui.first-due-date"));
        Select<AllocationOrder> order = new Select<>();
        order.setLabel(d.getTranslation("loans.ui.allocation"));
        order.setItems(AllocationOrder.values());
        order.setItemLabelGenerator(o -> d.getTranslation("loans.ui.allocation." + o.name()));
        order.setValue(AllocationOrder.PRINCIPAL_FIRST);
        TextField reason = reason(d, "reschedule-reason");
        d.add(new FormLayout(instalments, firstDue, order, reason));
        save(d, "save-reschedule", "loans.ui.reschedule", "RESCHEDULE_LOAN", c, () -> workouts.reschedule(c.loan().cooperativeId(),
                c.loan().id(), new Reschedule(c.today(), instalments.getValue() == null ? 0 : instalments.getValue(),
                        firstDue.getValue(), order.getValue(), reason.getValue(), c.key())));
        return d;
    }

    static Dialog requestWriteOff(LoanWorkouts workouts, Context c) {
        Dialog d = dialog("write-off-request-dialog", "loans.ui.request-write-off.title", c);
        TextField reason = reason(d, "write-off-reason");
        d.add(new FormLayout(reason));
        save(d, "save-write-off-request", "loans.ui.request-write-off", "REQUEST_WRITE_OFF", c,
                () -> workouts.requestWriteOff(c.loan().cooperativeId(), c.loan().id(), reason.getValue()));
        return d;
    }

    static Dialog recovery(LoanRepayments repayments, Context c) {
        Dialog d = dialog("recovery-dialog", "loans.ui.recover.title", c);
        AmountField amount = new AmountField("");
        amount.setLabel(d.getTranslation("loans.ui.amount"));
        amount.setId("recovery-amount");
        amount.setCurrency(c.loan().currency());
        DatePicker date = date(d, "recovery-date", c.today());
        Select<Channel> channel = channel(d);
        TextField note = new TextField(d.getTranslation("loans.ui.note"));
        TextLimit.limit(note, LoanService.MAX_NOTE);
        d.add(new FormLayout(amount, date, channel, note));
        save(d, "save-recovery", "loans.ui.recover", "RECOVER_LOAN", c, () -> repayments.recover(c.loan().cooperativeId(),
                c.loan().id(), new Repayment(amount.requireAmount(), date.getValue(), channel.getValue(), note.getValue(),
                        c.key())));
        return d;
    }

    // --- shared -----------------------------------------------------------------------------------

    private static Dialog dialog(String id, String titleKey, Context c) {
        Dialog d = new Dialog();
        d.setId(id);
        d.setHeaderTitle(d.getTranslation(titleKey, c.loan().number()));
        return d;
    }

    private static DatePicker date(Component reader, String id, LocalDate value) {
        DatePicker date = new DateField(reader.getTranslation("loans.ui.value-date"), value);
        date.setId(id);
        return date;
    }

    static Select<Channel> channel(Component reader) {
        Select<Channel> channel = new Select<>();
        channel.setLabel(reader.getTranslation("loans.ui.channel"));
        channel.setItems(Channel.CASH, Channel.SAVINGS);
        channel.setItemLabelGenerator(ch -> reader.getTranslation("loans.ui.channel." + ch.name()));
        channel.setValue(Channel.CASH);
        return channel;
    }

    private static TextField reason(Component reader, String id) {
        TextField reason = new TextField(reader.getTranslation("loans.ui.reason"));
        reason.setId(id);
        TextLimit.limit(reason, LoanService.MAX_NOTE);
        reason.setWidthFull();
        return reason;
    }

    /** The dialog's save button: the service once; audited and closed when it is done, the refusal shown otherwise. */
    private static void save(Dialog d, String id, String labelKey, String auditAction, Context c, Supplier<?> action) {
        Button save = new Button(d.getTranslation(labelKey), e -> {
            try {
                action.get();
                c.audit().done(c.loan().cooperativeId(), auditAction, c.loan().number());
                Notifications.success(d.getTranslation("loans.ui.done", d.getTranslation(labelKey), c.loan().number()));
                d.close();
                c.saved().run();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        save.setId(id);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(d.getTranslation("loans.ui.cancel"), e -> d.close()), save);
    }

    private static String money(Loan loan, BigDecimal amount) {
        return Formats.money(amount, loan.currency(), UI.getCurrent().getLocale());
    }
}
