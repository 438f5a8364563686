package org.lumbung.ui.ledger;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.NewAccount;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Notifications;

import java.util.List;

/**
 * Extends the chart: a new account under an existing one, of the parent's type, in any currency, with
 * an optional balance rule.
 */
class NewAccountDialog extends Dialog {

    enum Rule { NONE, NO_DEBIT_BALANCE, NO_CREDIT_BALANCE }

    NewAccountDialog(LedgerAccess access, ChartOfAccounts chart, UiAudit audit, List<Account> accounts, Runnable saved) {
        setHeaderTitle(getTranslation("chart.new"));
        ComboBox<Account> parent = new ComboBox<>(getTranslation("chart.parent"));
        parent.setId("new-account-parent");
        parent.setItems(accounts);
        parent.setItemLabelGenerator(a -> LedgerAccess.label(a, getLocale()));
        parent.setRequired(true);
        TextField code = new TextField(getTranslation("chart.code"));
        code.setId("new-account-code");
        code.setMaxLength(32);
        code.setRequired(true);
        TextField nameId = new TextField(getTranslation("chart.name-id"));
        nameId.setId("new-account-name-id");
        nameId.setMaxLength(120);
        TextField nameEn = new TextField(getTranslation("chart.name-en"));
        nameEn.setId("new-account-name-en");
        nameEn.setMaxLength(120);
        TextField currency = new TextField(getTranslation("chart.currency"));
        currency.setId("new-account-currency");
        currency.setMaxLength(3);
        currency.setValue(access.cooperative().baseCurrency());
        Select<Rule> rule = new Select<>();
        rule.setLabel(getTranslation("chart.constraint"));
        rule.setItems(Rule.values());
        rule.setItemLabelGenerator(r -> getTranslation("chart.rule." + r.name()));
        rule.setValue(Rule.NONE);
        parent.addValueChangeListener(e -> {
            if (e.getValue() != null && code.isEmpty()) {
                code.setValue(e.getValue().code() + ".");
            }
        });
        FormLayout form = new FormLayout(parent, code, nameId, nameEn, currency, rule);
        add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                access.poster();
                Account p = parent.getValue();
                DomainException.require(p != null, "ledger.account.parent.missing");
                chart.open(access.cooperative().id(), new NewAccount(code.getValue().strip(), nameEn.getValue(),
                        nameId.getValue(), p.type(), p.code(), currency.getValue().strip().toUpperCase(), false, null,
                        rule.getValue() == Rule.NO_DEBIT_BALANCE, rule.getValue() == Rule.NO_CREDIT_BALANCE));
                audit.done(access.cooperative().id(), "OPEN_ACCOUNT", code.getValue().strip() + " under " + p.code());
                Notifications.success(getTranslation("chart.new.saved", code.getValue().strip()));
                close();
                saved.run();
            } catch (DomainException ex) {
                Notifications.refused(ex);
                e.getSource().setEnabled(true);
            }
        });
        save.setId("save-account");
        save.setDisableOnClick(true);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
