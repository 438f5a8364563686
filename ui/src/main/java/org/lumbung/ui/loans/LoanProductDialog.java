package org.lumbung.ui.loans;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.loans.LoanProduct;
import org.lumbung.loans.LoanProductService;
import org.lumbung.loans.NewLoanProduct;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.Fee;
import org.lumbung.loans.schedule.FeeKind;
import org.lumbung.loans.schedule.FeeTiming;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.PenaltyKind;
import org.lumbung.loans.schedule.PenaltyRule;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.Notifications;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** A loan product to create or edit: every setting of the product, each choice translated. */
class LoanProductDialog extends Dialog {

    private final TextField code = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField nameId = new TextField();
    private final TextField currency = new TextField();
    private final Select<InterestMethod> method = choice(InterestMethod.values(), "loans.ui.method.");
    private final BigDecimalField rate = new BigDecimalField();
    private final Select<RatePeriod> ratePeriod = choice(RatePeriod.values(), "loans.ui.rate-period.");
    private final Select<RepaymentFrequency> frequency = choice(RepaymentFrequency.values(), "loans.ui.frequency.");
    private final IntegerField minInstalments = new IntegerField();
    private final IntegerField maxInstalments = new IntegerField();
    private final AmountField minAmount = new AmountField("");
    private final AmountField maxAmount = new AmountField("");
    private final IntegerField graceOnPrincipal = new IntegerField();
    private final IntegerField graceOnInterest = new IntegerField();
    private final Select<DayCount> dayCount = choice(DayCount.values(), "loans.ui.day-count.");
    private final AmountField rounding = new AmountField("");
    private final Select<AllocationOrder> allocation = choice(AllocationOrder.values(), "loans.ui.allocation.");
    private final Select<PrepaymentRule> prepayment = choice(PrepaymentRule.values(), "loans.ui.prepayment.");
    private final Select<FeeKind> feeKind = choice(FeeKind.values(), "loans.ui.fee-kind.");
    private final BigDecimalField feeValue = new BigDecimalField();
    private final Select<FeeTiming> feeTiming = choice(FeeTiming.values(), "loans.ui.fee-timing.");
    private final Select<PenaltyKind> penaltyKind = choice(PenaltyKind.values(), "loans.ui.penalty-kind.");
    private final BigDecimalField penaltyValue = new BigDecimalField();
    private final IntegerField penaltyGrace = new IntegerField();
    private final BigDecimalField penaltyCap = new BigDecimalField();
    private final IntegerField maxActive = new IntegerField();
    private final BigDecimalField requiredSavings = new BigDecimalField();
    private final Checkbox accrues = new Checkbox();

    LoanProductDialog(LoanProductService products, UiAudit audit, Cooperative cooperative, @Nullable LoanProduct editing,
                      Runnable saved) {
        setId("loan-product-dialog");
        setHeaderTitle(getTranslation(editing == null ? "loans.ui.product.new" : "loans.ui.product.edit"));
        setWidth("min(52em, 96vw)");
        label();
        fill(editing, cooperative);
        feeKind.setEmptySelectionAllowed(true);
        penaltyKind.setEmptySelectionAllowed(true);
        FormLayout form = new FormLayout(code, currency, nameEn, nameId, method, rate, ratePeriod, frequency,
                minInstalments, maxInstalments, minAmount, maxAmount, graceOnPrincipal, graceOnInterest, dayCount,
                rounding, allocation, prepayment, feeKind, feeValue, feeTiming, penaltyKind, penaltyValue, penaltyGrace,
                penaltyCap, maxActive, requiredSavings, accrues);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);
        Button save = new Button(getTranslation("loans.ui.save"), e -> save(products, audit, cooperative, editing, saved));
        save.setId("save-loan-product");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("loans.ui.cancel"), e -> close()), save);
    }

    private <E extends Enum<E>> Select<E> choice(E[] values, String prefix) {
        Select<E> select = new Select<>();
        select.setItems(values);
        select.setItemLabelGenerator(v -> v == null ? getTranslation("loans.ui.none") : getTranslation(prefix + v.name()));
        return select;
    }

    private void label() {
        String[] keys = {"code", "currency", "name-en", "name-id", "method", "rate", "rate-period", "frequency",
                "min-instalments", "max-instalments", "min-amount", "max-amount", "grace-principal", "grace-interest",
                "day-count", "rounding", "allocation", "prepayment", "fee-kind", "fee-value", "fee-timing", "penalty-kind",
                "penalty-value", "penalty-grace", "penalty-cap", "max-active", "required-savings"};
        HasLabel[] fields = {code, currency, nameEn, nameId, method, rate, ratePeriod, frequency,
                minInstalments, maxInstalments, minAmount, maxAmount, graceOnPrincipal, graceOnInterest, dayCount, rounding,
                allocation, prepayment, feeKind, feeValue, feeTiming, penaltyKind, penaltyValue, penaltyGrace, penaltyCap,
                maxActive, requiredSavings};
        for (int i = 0; i < keys.length; i++) {
            fields[i].setLabel(getTranslation("loans.ui." + keys[i]));
            ((Component) fields[i]).setId("product-" + keys[i]);
        }
        accrues.setLabel(getTranslation("loans.ui.accrues"));
    }

    /** The amounts are in the product's currency: its minor units bound them, its code is shown with them. */
    private void amountsIn(@Nullable String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (c.matches("[A-Z]{3}")) {
            List.of(minAmount, maxAmount, rounding).forEach(f -> f.setCurrency(c));
        }
    }

    private void fill(@Nullable LoanProduct p, Cooperative cooperative) {
        currency.addValueChangeListener(e -> amountsIn(e.getValue()));
        currency.setValue(p == null ? cooperative.baseCurrency() : p.currency());
        amountsIn(currency.getValue());
        method.setValue(p == null ? InterestMethod.FLAT : p.interestMethod());
        ratePeriod.setValue(p == null ? RatePeriod.MONTH : p.ratePeriod());
        frequency.setValue(p == null ? RepaymentFrequency.MONTHLY : p.frequency());
        dayCount.setValue(p == null ? DayCount.THIRTY_360 : p.dayCount());
        allocation.setValue(p == null ? AllocationOrder.PENALTY_FEES_INTEREST_PRINCIPAL : p.allocationOrder());
        prepayment.setValue(p == null ? PrepaymentRule.INTEREST_TO_PAYMENT_DATE : p.prepaymentRule());
        feeTiming.setValue(FeeTiming.DEDUCTED_AT_DISBURSEMENT);
        graceOnPrincipal.setValue(p == null ? 0 : p.graceOnPrincipal());
        graceOnInterest.setValue(p == null ? 0 : p.graceOnInterest());
        maxActive.setValue(p == null ? 1 : p.maxActiveLoans());
        penaltyGrace.setValue(0);
        if (p == null) {
            return;
        }
        code.setValue(p.code());
        code.setReadOnly(true);
        nameEn.setValue(p.nameEn());
        nameId.setValue(p.nameId());
        rate.setValue(p.interestRate());
        minInstalments.setValue(p.minInstalments());
        maxInstalments.setValue(p.maxInstalments());
        minAmount.setAmount(p.minAmount());
        maxAmount.setAmount(p.maxAmount());
        rounding.setAmount(p.instalmentRounding());
        requiredSavings.setValue(p.requiredSavingsPercent());
        accrues.setValue(p.accruesInterest());
        fillCharges(p);
    }

    private void fillCharges(LoanProduct p) {
        if (p.fee() != null) {
            feeKind.setValue(p.fee().kind());
            feeValue.setValue(p.fee().value());
            feeTiming.setValue(p.fee().timing());
        }
        if (p.penalty() != null) {
            penaltyKind.setValue(p.penalty().kind());
            penaltyValue.setValue(p.penalty().value());
            penaltyGrace.setValue(p.penalty().graceDays());
            penaltyCap.setValue(p.penalty().cap());
        }
    }

    private void save(LoanProductService products, UiAudit audit, Cooperative cooperative, @Nullable LoanProduct editing,
                      Runnable saved) {
        try {
            NewLoanProduct p = product();
            LoanProduct product = editing == null ? products.create(cooperative.id(), p)
                    : products.edit(cooperative.id(), editing.id(), p);
            audit.done(cooperative.id(), editing == null ? "CREATE_LOAN_PRODUCT" : "EDIT_LOAN_PRODUCT", product.code());
            Notifications.success(getTranslation("loans.ui.product.saved", product.code()));
            close();
            saved.run();
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private NewLoanProduct product() {
        return new NewLoanProduct(code.getValue().trim(), nameEn.getValue().trim(), nameId.getValue().trim(),
                currency.getValue().trim(), method.getValue(), rate.getValue(), ratePeriod.getValue(), frequency.getValue(),
                whole(minInstalments), whole(maxInstalments), minAmount.requireAmount(), maxAmount.requireAmount(),
                whole(graceOnPrincipal), whole(graceOnInterest), dayCount.getValue(), rounding.optionalAmount(), fee(), penalty(),
                allocation.getValue(), prepayment.getValue(), accrues.getValue(), whole(maxActive),
                requiredSavingsPercent());
    }

    /** An empty field is 0; text that is not a whole number is refused, never taken for an empty field. */
    private static int whole(IntegerField field) {
        readable(field);
        return field.getValue() == null ? 0 : field.getValue();
    }

    private static <F extends HasValidation & HasLabel> void readable(F field) {
        if (field.isInvalid()) {
            throw DomainException.invalid("input.unreadable", field.getLabel());
        }
    }

    private BigDecimal requiredSavingsPercent() {
        readable(requiredSavings);
        return requiredSavings.getValue() == null ? BigDecimal.ZERO : requiredSavings.getValue();
    }

    private @Nullable Fee fee() {
        return feeKind.getValue() == null ? null : new Fee(feeKind.getValue(), feeValue.getValue(), feeTiming.getValue());
    }

    private @Nullable PenaltyRule penalty() {
        return penaltyKind.getValue() == null ? null
                : new PenaltyRule(penaltyKind.getValue(), penaltyValue.getValue(), whole(penaltyGrace), penaltyCap.getValue());
    }
}
