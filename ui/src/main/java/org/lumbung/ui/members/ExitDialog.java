package org.lumbung.ui.members;

import org.lumbung.ui.components.DateField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import org.lumbung.members.MemberRules;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.members.Member;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.savings.ExitService;
import org.lumbung.savings.ExitSettlement;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.i18n.Formats;

import java.time.LocalDate;

/**
 * Ends a membership: the settlement is shown first (every balance, what the member owes, the refund),
 * recomputed for the date chosen; then settled in one booking with a reason.
 */
class ExitDialog extends Dialog {

    private final String key = Keys.newKey();
    private final Div preview = new Div();
    private final Button settle = new Button();

    ExitDialog(ExitService exits, UiAudit audit, long cooperativeId, Member member, LocalDate today, Runnable done) {
        setId("exit-dialog");
        setHeaderTitle(getTranslation("exit.title", member.displayNumber(), member.fullName()));
        setWidth("min(44em, 96vw)");
        DatePicker on = new DateField(getTranslation("exit.date"));
        on.setId("exit-date");
        on.setValue(today);
        on.setMax(today);
        TextArea reason = new TextArea(getTranslation("exit.reason"));
        reason.setId("exit-reason");
        reason.setRequired(true);
        TextLimit.limit(reason, MemberRules.MAX_STATUS_REASON);
        reason.setWidthFull();
        preview.setId("exit-preview");
        preview.setWidthFull();
        on.addValueChangeListener(e -> show(exits, cooperativeId, member, e.getValue()));
        VerticalLayout body = new VerticalLayout(on, preview, reason);
        body.setPadding(false);
        add(body);
        settle.setText(getTranslation("exit.settle"));
        settle.setId("settle-exit");
        settle.setDisableOnClick(true);
        settle.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        settle.addClickListener(e -> {
            if (!TextLimit.check(reason, MemberRules.MAX_STATUS_REASON)) {
                settle.setEnabled(true);
                return;
            }
            try {
                ExitSettlement s = exits.settle(cooperativeId, member.id(), on.getValue(), reason.getValue(), key);
                audit.done(cooperativeId, "EXIT_MEMBER", "member " + member.displayNumber() + " refund "
                        + s.refund().toPlainString() + " " + s.currency());
                Notifications.success(getTranslation("exit.done", member.displayNumber(),
                        Formats.money(s.refund(), s.currency(), getLocale())));
                close();
                done.run();
            } catch (DomainException ex) {
                audit.refused(cooperativeId, "EXIT_MEMBER", "member " + member.displayNumber() + ": " + ex.messageKey());
                Notifications.refused(ex);
                settle.setEnabled(true);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), settle);
        show(exits, cooperativeId, member, today);
    }

    private void show(ExitService exits, long cooperativeId, Member member, LocalDate on) {
        preview.removeAll();
        if (on == null) {
            settle.setEnabled(false);
            return;
        }
        ExitSettlement s;
        try {
            s = exits.preview(cooperativeId, member.id(), on);
        } catch (DomainException ex) {
            Paragraph refused = new Paragraph(Messages.of(ex, getLocale()));
            refused.getStyle().set("color", "var(--lumo-error-text-color)");
            preview.add(refused);
            settle.setEnabled(false);
            return;
        }
        Grid<SavingsAccount> accounts = new Grid<>();
        accounts.setId("exit-accounts");
        accounts.addThemeVariants(GridVariant.LUMO_COMPACT);
        accounts.setAllRowsVisible(true);
        accounts.addColumn(SavingsAccount::number).setHeader(getTranslation("accounts.number")).setAutoWidth(true);
        accounts.addColumn(a -> a.product().name(getLocale())).setHeader(getTranslation("savings.product"));
        accounts.addColumn(a -> Formats.money(a.balance(), a.currency(), getLocale())).setHeader(getTranslation("accounts.balance"))
                .setTextAlign(ColumnTextAlign.END);
        if (!s.interest().isEmpty()) {
            accounts.addColumn(a -> Formats.money(s.interestOf(a), a.currency(), getLocale()))
                    .setHeader(getTranslation("exit.interest")).setTextAlign(ColumnTextAlign.END);
        }
        accounts.setItems(s.accounts());
        preview.add(accounts);
        for (ExitSettlement.Debt d : s.debts()) {
            preview.add(new Div(new Span(getTranslation("exit.debt", d.accountCode(), d.name(),
                    Formats.money(d.balance(), s.currency(), getLocale())))));
        }
        Div totals = new Div();
        totals.setId("exit-totals");
        totals.add(line("exit.savings", Formats.money(s.savings(), s.currency(), getLocale())),
                line("exit.owed", Formats.money(s.owed(), s.currency(), getLocale())));
        if (s.penalty().signum() > 0) {
            totals.add(line("exit.penalty", Formats.money(s.penalty(), s.currency(), getLocale())));
        }
        totals.add(line("exit.refund", Formats.money(s.refund(), s.currency(), getLocale())));
        preview.add(totals);
        boolean possible = s.refund().signum() >= 0;
        if (!possible) {
            Paragraph p = new Paragraph(getTranslation("exit.debt-first"));
            p.getStyle().set("color", "var(--lumo-error-text-color)");
            preview.add(p);
        }
        settle.setEnabled(possible);
    }

    private Div line(String key, String value) {
        Span label = new Span(getTranslation(key));
        label.getStyle().set("min-width", "15em").set("display", "inline-block").set("color", "var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        v.getStyle().set("font-weight", "600");
        return new Div(label, v);
    }
}
