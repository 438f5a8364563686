package org.lumbung.ui.loans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanApplication;
import org.lumbung.loans.LoanProduct;
import org.lumbung.loans.LoanProductService;
import org.lumbung.loans.LoanPurpose;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.schedule.Fee;
import org.lumbung.loans.schedule.LoanTerms;
import org.lumbung.loans.schedule.ScheduleCalculator;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.AmountField;
import org.lumbung.ui.components.DateField;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A member's loan application, with the schedule she would get recomputed by the engine as the fields change:
 * the same calculation as the booked loan (fees added to the loan are scheduled, fees deducted are shown).
 */
@Route("loans/apply")
@RequiresAbility("APPLY_LOAN")
@Menu(title = "nav.loans.apply", order = 345, icon = "vaadin:file-add")
@MenuGroup("nav.group.loans")
public class LoanApplicationView extends VerticalLayout implements HasDynamicTitle {

    private final Cooperative cooperative;
    private final MemberService members;
    private final IntegerField memberNumber = new IntegerField();
    private final ComboBox<LoanProduct> product = new ComboBox<>();
    private final AmountField amount = new AmountField("");
    private final IntegerField instalments = new IntegerField();
    private final DatePicker firstDue = new DateField();
    private final Select<LoanPurpose> purposeCategory = new Select<>();
    private final TextField purpose = new TextField();
    private final TextField guarantors = new TextField();
    private final TextArea collateral = new TextArea();
    private final ScheduleGrid preview = new ScheduleGrid();
    private final Span summary = new Span();
    private String key = Keys.newKey();

    public LoanApplicationView(CurrentCooperative current, LoanProductService products, LoanService loans,
                               MemberService members, UiAudit audit, Clock clock) {
        this.cooperative = current.require();
        this.members = members;
        setSizeFull();
        label();
        product.setItems(products.products(cooperative.id()).stream().filter(LoanProduct::active).toList());
        product.setItemLabelGenerator(p -> p.code() + " — " + p.name(getLocale()));
        firstDue.setValue(cooperative.today(clock).plusMonths(1));
        firstDue.setLocale(getLocale());
        product.addValueChangeListener(e -> productChosen(e.getValue()));
        amount.addValueChangeListener(e -> recompute());
        instalments.addValueChangeListener(e -> recompute());
        firstDue.addValueChangeListener(e -> recompute());
        amount.setValueChangeMode(ValueChangeMode.LAZY);
        FormLayout form = new FormLayout(memberNumber, product, amount, instalments, firstDue, purposeCategory, purpose,
                guarantors, collateral);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        Button apply = new Button(getTranslation("loans.ui.apply"), e -> apply(loans, audit, current));
        apply.setId("apply-loan");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        summary.setId("preview-summary");
        preview.setId("schedule-preview");
        add(new H2(getTranslation("nav.loans.apply")), form, apply, new H3(getTranslation("loans.ui.preview")), summary, preview);
    }

    private void label() {
        memberNumber.setLabel(getTranslation("loans.ui.member-number"));
        memberNumber.setId("member-number");
        product.setLabel(getTranslation("loans.ui.product"));
        product.setId("loan-product");
        amount.setLabel(getTranslation("loans.ui.amount"));
        amount.setId("loan-amount");
        instalments.setLabel(getTranslation("loans.ui.instalments"));
        instalments.setId("loan-instalments");
        firstDue.setLabel(getTranslation("loans.ui.first-due-date"));
        firstDue.setId("first-due-date");
        purposeCategory.setLabel(getTranslation("loans.ui.purpose-category"));
        purposeCategory.setId("loan-purpose-category");
        purposeCategory.setItems(LoanPurpose.values());
        purposeCategory.setItemLabelGenerator(p -> PurposeLabels.of(this, p));
        purpose.setLabel(getTranslation("loans.ui.purpose"));
        TextLimit.limit(purpose, LoanService.MAX_PURPOSE);
        TextLimit.limit(guarantors, 100);
        TextLimit.limit(collateral, LoanService.MAX_NOTE);
        purpose.setId("loan-purpose");
        guarantors.setLabel(getTranslation("loans.ui.guarantors"));
        guarantors.setHelperText(getTranslation("loans.ui.guarantors.help"));
        guarantors.setId("loan-guarantors");
        collateral.setLabel(getTranslation("loans.ui.collateral"));
        collateral.setId("loan-collateral");
    }

    private void productChosen(@Nullable LoanProduct p) {
        if (p != null) {
            amount.setCurrency(p.currency());
        }
        if (p != null && (instalments.getValue() == null || instalments.getValue() < p.minInstalments()
                || instalments.getValue() > p.maxInstalments())) {
            instalments.setValue(p.maxInstalments());
        }
        recompute();
    }

    /** The engine's schedule for what is filled in so far, or why there is none. */
    void recompute() {
        LoanProduct p = product.getValue();
        BigDecimal principal = amount.getAmount();
        if (p == null || principal == null || instalments.getValue() == null || firstDue.getValue() == null) {
            preview.clear();
            summary.setText(getTranslation("loans.ui.preview.incomplete"));
            return;
        }
        try {
            List<Fee> fees = p.fee() == null ? List.of() : List.of(p.fee());
            BigDecimal financed = Fee.financedPrincipal(principal, p.currency(), fees);
            var schedule = ScheduleCalculator.schedule(new LoanTerms(financed, p.currency(), p.interestMethod(),
                    p.interestRate(), p.ratePeriod(), instalments.getValue(), p.frequency(),
                    LoanTerms.defaultDisbursementDate(firstDue.getValue(), p.frequency()), firstDue.getValue(),
                    p.graceOnPrincipal(), p.graceOnInterest(), p.dayCount(), p.instalmentRounding()));
            preview.show(schedule);
            summary.setText(getTranslation("loans.ui.preview.summary",
                    Formats.money(Fee.netDisbursed(principal, p.currency(), fees), p.currency(), getLocale()),
                    Formats.money(schedule.totalInterest(), p.currency(), getLocale()),
                    Formats.money(schedule.totalRepayment(), p.currency(), getLocale())));
        } catch (DomainException refused) {
            preview.clear();
            summary.setText(Messages.of(refused, getLocale()));
        }
    }

    private void apply(LoanService loans, UiAudit audit, CurrentCooperative current) {
        try {
            Member borrower = member(memberNumber.getValue());
            LoanProduct p = product.getValue();
            DomainException.require(p != null, "loans.schedule.ui.product-missing");
            Loan loan = loans.apply(cooperative.id(), new LoanApplication(borrower.id(), p.id(), amount.requireAmount(),
                    instalments.getValue() == null ? 0 : instalments.getValue(), firstDue.getValue(), purposeCategory.getValue(), purpose.getValue(),
                    current.user().username(), guarantorIds(), collateral.getValue(), null, key));
            audit.done(cooperative.id(), "APPLY_LOAN", loan.number());
            Notifications.success(getTranslation("loans.ui.applied", loan.number()));
            key = Keys.newKey();
            getUI().ifPresent(ui -> ui.navigate(LoanView.class, new RouteParameters("loanId",
                    Long.toString(loan.id()))));
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private Member member(@Nullable Integer number) {
        Optional<Member> found = number == null ? Optional.empty() : members.byNumber(cooperative.id(), number);
        return found.orElseThrow(() -> DomainException.invalid("loans.schedule.ui.member-unknown",
                number == null ? "" : number));
    }

    private List<Long> guarantorIds() {
        List<Long> ids = new ArrayList<>();
        List<String> numbers = Arrays.stream(guarantors.getValue().split("[,\\s]+")).filter(n -> !n.isBlank()).toList();
        // counted before any is looked up: a long list is refused at once, not read member by member
        DomainException.require(numbers.size() <= LoanService.MAX_GUARANTORS, "loans.guarantor.count",
                LoanService.MAX_GUARANTORS);
        for (String n : numbers) {
            DomainException.require(n.matches("[0-9]{1,9}"), "loans.schedule.ui.member-unknown", n);
            ids.add(member(Integer.valueOf(n)).id());
        }
        return ids;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.loans.apply") + " — Lumbung";
    }
}
