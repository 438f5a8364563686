package org.lumbung.ui.savings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.platform.DomainException;
import org.lumbung.savings.InterestMethod;
import org.lumbung.savings.InterestPosting;
import org.lumbung.savings.NewSavingsProduct;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsProduct;
import org.lumbung.savings.SavingsProducts;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A new savings product: kind first, then only the fields that kind has (share capital's fixed amount,
 * mandatory savings' monthly amount, a time deposit's term and penalty); the control account is one of
 * the chart's free accounts of the right type.
 */
class ProductDialog extends Dialog {

    private final TextField code = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField nameId = new TextField();
    private final Select<SavingsKind> kind = new Select<>();
    private final TextField currency = new TextField();
    private final ComboBox<Account> control = new ComboBox<>();
    private final AmountField fixed = new AmountField("");
    private final AmountField mandatory = new AmountField("");
    private final AmountField minimum = new AmountField("");
    private final BigDecimalField rate = new BigDecimalField();
    private final Select<InterestMethod> method = new Select<>();
    private final Select<InterestPosting> posting = new Select<>();
    private final IntegerField term = new IntegerField();
    private final BigDecimalField penalty = new BigDecimalField();

    ProductDialog(SavingsProducts products, ChartOfAccounts chart, UiAudit audit, Cooperative cooperative, Runnable created) {
        setId("product-dialog");
        setHeaderTitle(getTranslation("products.new"));
        setWidth("min(44em, 96vw)");
        long c = cooperative.id();
        describeFields(cooperative);
        Set<String> taken = products.products(c).stream().map(SavingsProduct::controlAccount).collect(Collectors.toSet());
        List<Account> accounts = chart.generalAccounts(c).stream()
                .filter(a -> a.memberId() == null && a.debitsMustNotExceedCredits() && !taken.contains(a.code())
                        && (a.type() == AccountType.EQUITY || a.type() == AccountType.LIABILITY))
                .toList();
        kind.addValueChangeListener(e -> kindChosen(e.getValue(), accounts, k -> chart.code(c, k.controlAccount())));
        kind.setValue(SavingsKind.VOLUNTARY);

        FormLayout form = new FormLayout(code, kind, nameEn, nameId, currency, control, fixed, mandatory, minimum, rate, method,
                posting, term, penalty);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);

        Button save = new Button(getTranslation("action.save"), e -> {
            if (control.getValue() == null) { // none chosen, or none of the kind is free
                control.setErrorMessage(getTranslation("text.required"));
                control.setInvalid(true);
                return;
            }
            try {
                SavingsProduct product = products.create(c, product());
                audit.done(c, "CREATE_PRODUCT", product.code() + " " + product.kind() + " on " + product.controlAccount());
                Notifications.success(getTranslation("products.created", product.code()));
                close();
                created.run();
            } catch (DomainException ex) {
                audit.refused(c, "CREATE_PRODUCT", ex.messageKey());
                Notifications.refused(ex);
            }
        });
        save.setId("save-product");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void describeFields(Cooperative cooperative) {
        code.setLabel(getTranslation("products.code"));
        code.setId("product-code");
        TextLimit.limit(code, 16);
        code.setAllowedCharPattern("[A-Za-z0-9-]");
        code.setHelperText(getTranslation("products.code.help"));
        nameEn.setLabel(getTranslation("products.name-en"));
        nameEn.setId("product-name-en");
        TextLimit.limit(nameEn, 120);
        nameId.setLabel(getTranslation("products.name-id"));
        nameId.setId("product-name-id");
        TextLimit.limit(nameId, 120);
        kind.setId("product-kind");
        kind.setLabel(getTranslation("products.kind"));
        kind.setItems(SavingsKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("savings.kind." + k.name()));
        currency.setLabel(getTranslation("chart.currency"));
        currency.setId("product-currency");
        currency.setMaxLength(3);
        currency.setAllowedCharPattern("[A-Za-z]");
        currency.setValue(cooperative.baseCurrency());
        control.setLabel(getTranslation("products.control-account"));
        control.setId("product-control-account");
        control.setItemLabelGenerator(a -> a.code() + " — " + a.name(getLocale()));
        describeAmountsAndInterest(cooperative.baseCurrency());
    }

    private void describeAmountsAndInterest(String currency) {
        fixed.setLabel(getTranslation("products.fixed-amount"));
        fixed.setId("product-fixed-amount");
        mandatory.setLabel(getTranslation("products.mandatory-amount"));
        mandatory.setId("product-mandatory-amount");
        minimum.setLabel(getTranslation("products.minimum"));
        minimum.setId("product-minimum");
        minimum.setZeroAllowed(true);
        for (AmountField f : List.of(fixed, mandatory, minimum)) {
            f.setCurrency(currency);
        }
        rate.setLabel(getTranslation("products.rate") + " (%)");
        rate.setId("product-rate");
        rate.setValue(BigDecimal.ZERO);
        method.setId("product-method");
        method.setLabel(getTranslation("products.method"));
        method.setItems(InterestMethod.values());
        method.setItemLabelGenerator(m -> getTranslation("interest.method." + m.name()));
        method.setValue(InterestMethod.NONE);
        posting.setId("product-posting");
        posting.setLabel(getTranslation("products.posting"));
        posting.setItems(InterestPosting.values());
        posting.setItemLabelGenerator(p -> getTranslation("interest.posting." + p.name()));
        posting.setValue(InterestPosting.MONTHLY);
        term.setLabel(getTranslation("products.term"));
        term.setId("product-term");
        term.setMin(1);
        term.setMax(120);
        penalty.setLabel(getTranslation("products.early-penalty") + " (%)");
        penalty.setId("product-penalty");
    }

    /** Only the fields of the kind; the control account its kind usually has in the chart, if free. */
    private void kindChosen(SavingsKind k, List<Account> accounts, Function<SavingsKind, String> usualCode) {
        AccountType type = k != null && k.equity() ? AccountType.EQUITY : AccountType.LIABILITY;
        List<Account> fitting = accounts.stream().filter(a -> a.type() == type).toList();
        control.setItems(fitting);
        String usual = k == null ? null : usualCode.apply(k);
        control.setValue(fitting.stream().filter(a -> a.code().equals(usual)).findFirst()
                .orElse(fitting.isEmpty() ? null : fitting.get(0)));
        fixed.setVisible(k == SavingsKind.SHARE);
        mandatory.setVisible(k == SavingsKind.MANDATORY);
        boolean td = k == SavingsKind.TIME_DEPOSIT;
        term.setVisible(td);
        penalty.setVisible(td);
        boolean interest = k != null && !k.equity();
        rate.setVisible(interest);
        method.setVisible(interest);
        posting.setVisible(interest);
    }

    private NewSavingsProduct product() {
        SavingsKind k = kind.getValue();
        boolean equity = k != null && k.equity();
        return new NewSavingsProduct(code.getValue().strip().toUpperCase(Locale.ROOT),
                nameEn.getValue().strip(), nameId.getValue().strip(), k, currency.getValue().strip().toUpperCase(Locale.ROOT),
                control.getValue().code(),
                k == SavingsKind.SHARE ? fixed.optionalAmount() : null,
                k == SavingsKind.MANDATORY ? mandatory.optionalAmount() : null,
                Objects.requireNonNullElse(minimum.optionalAmount(), BigDecimal.ZERO),
                equity || rate.getValue() == null ? BigDecimal.ZERO : rate.getValue(),
                equity ? InterestMethod.NONE : method.getValue(),
                posting.getValue(),
                k == SavingsKind.TIME_DEPOSIT ? term.getValue() : null,
                k == SavingsKind.TIME_DEPOSIT ? penalty.getValue() : null);
    }
}
