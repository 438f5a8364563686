package org.lumbung.ui.loans;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.loans.InsiderRelation;
import org.lumbung.loans.LendingLimits;
import org.lumbung.loans.LendingSettings;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanApplication;
import org.lumbung.loans.LoanProduct;
import org.lumbung.loans.LoanProductService;
import org.lumbung.loans.LoanPurpose;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanStatus;
import org.lumbung.loans.schedule.Instalment;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.security.SystemActor;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.AmountField;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loan screens on the sample cooperative, as the people who use them: the chair makes a product, the
 * treasurer fills in an application and watches the schedule change, the chair approves it from the queue,
 * the treasurer disburses it and records a repayment after seeing its split.
 */
class LoanScreensTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    LoanProductService products;
    @Autowired
    LoanService loans;
    @Autowired
    MemberService members;
    @Autowired
    LendingLimits limits;

    private final String code = "K" + Long.toString(System.nanoTime() % 1_000_000_000L);

    @Test
    @SuppressWarnings("unchecked")
    void productApplicationWithLivePreviewApprovalDisbursementAndRepayment() {
        signIn("chair", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        LoanProduct product = createProductOnScreen(coop);

        setUpVaadinAgain();
        signIn("treasurer", Locale.ENGLISH);
        Member borrower = members.register(coop, NewMember.basic("Ibu Peminjam " + code, "F", "Ngrupit", "0812 1111 2222",
                LocalDate.now().minusYears(2)));
        Loan applied = applyOnScreen(product, borrower);
        assertThat(applied.status()).isEqualTo(LoanStatus.APPLIED);

        setUpVaadinAgain();
        signIn("chair", Locale.ENGLISH);
        UI.getCurrent().navigate(LoanListView.class);
        Grid<Loan> queue = _get(Grid.class, spec -> spec.withId("loans-grid"));
        assertThat(queue.getGenericDataView().getItems().map(Loan::id)).contains(applied.id());
        int row = queue.getGenericDataView().getItems().map(Loan::id).toList().indexOf(applied.id());
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(queue, row))
                .as("the borrower by name, who applied by the person's name")
                .contains(members.member(coop, applied.memberId()).fullName(), users.displayName(applied.appliedBy()));
        openLoan(applied);
        assertThat(_get(Span.class, spec -> spec.withId("loan-purpose")).getText())
                .isEqualTo("What the loan is for: Income-generating activity: food processing · a food stall");
        _click(_get(Button.class, spec -> spec.withId("approve-loan")));
        assertThat(loans.loan(coop, applied.id()).status()).isEqualTo(LoanStatus.APPROVED);

        setUpVaadinAgain();
        signIn("treasurer", Locale.ENGLISH);
        openLoan(applied);
        _click(_get(Button.class, spec -> spec.withId("disburse-loan")));
        assertThat(loans.loan(coop, applied.id()).status()).isEqualTo(LoanStatus.ACTIVE);
        repayOnScreen();
        Loan repaid = loans.loan(coop, applied.id());
        assertThat(repaid.outstandingPrincipal()).isEqualByComparingTo("1100000");
        assertThat(_size(_get(Grid.class, spec -> spec.withId("loan-transactions")))).isEqualTo(2);
        assertThat(_get(Span.class, spec -> spec.withId("loan-outstanding")).getText()).contains("1,100,000.00");
        Grid<?> schedule = _get(Grid.class, spec -> spec.withId("loan-schedule"));
        assertThat(_size(schedule)).isEqualTo(12);

        // the other 11 instalments of 118,000: the split says the loan closes with them
        _click(_get(Button.class, spec -> spec.withId("repay-loan")));
        _setValue(_get(AmountField.class, spec -> spec.withId("repayment-amount")), "1298000");
        assertThat(_get(Span.class, spec -> spec.withId("repayment-split")).getText())
                .contains("after IDR 0.00").endsWith("every instalment is paid: the loan closes");
    }

    /**
     * The demo member's phone, in Indonesian: her loan of Rp 1,200,000 (flat 1.5 %, 12 monthly, to Rp 100) owes
     * 12 × 118,000 = 1,416,000 in all; the next instalment is 118,000 on the first due date.
     */
    @Test
    void theMemberSeesHerLoanOnHerPhoneInHerLanguage() {
        signIn("chair", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        LoanProduct product = products.create(coop, new org.lumbung.loans.NewLoanProduct(code, "Phone loan", "Pinjaman HP", "IDR",
                org.lumbung.loans.schedule.InterestMethod.FLAT, new BigDecimal("1.5"), org.lumbung.loans.schedule.RatePeriod.MONTH,
                org.lumbung.loans.schedule.RepaymentFrequency.MONTHLY, 1, 24, new BigDecimal("100000"), new BigDecimal("5000000"),
                0, 0, org.lumbung.loans.schedule.DayCount.THIRTY_360, new BigDecimal("100"), null, null, null, null, false, 3,
                BigDecimal.ZERO));
        long me = users.loadUserByUsername("ngrupit-1").account().memberId();
        setUpVaadinAgain();
        signIn("treasurer", Locale.ENGLISH);
        LocalDate firstDue = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).plusMonths(1);
        Loan loan = loans.apply(coop, new org.lumbung.loans.LoanApplication(me, product.id(), new BigDecimal("1200000"), 12,
                firstDue, org.lumbung.loans.LoanPurpose.FARMING, "kambing", "treasurer", java.util.List.of(), null, null, "test-" + code));
        setUpVaadinAgain();
        signIn("chair", Locale.ENGLISH);
        loans.approve(coop, loan.id(), null, null);
        setUpVaadinAgain();
        signIn("treasurer", Locale.ENGLISH);
        loans.disburse(coop, loan.id(), new org.lumbung.loans.Disbursement(LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")),
                org.lumbung.loans.Channel.CASH, "test-d-" + code));

        setUpVaadinAgain();
        signIn("ngrupit-1", org.lumbung.platform.i18n.Messages.INDONESIAN);
        UI.getCurrent().navigate(org.lumbung.ui.my.MyAccountView.class);
        String owed = _get(org.lumbung.ui.components.FigureCard.class, spec -> spec.withId("my-loan-owed-" + loan.id()))
                .getElement().getTextRecursively();
        assertThat(owed).contains("sisa yang harus dibayar").contains("Rp 1.416.000,00");
        String next = _get(org.lumbung.ui.components.FigureCard.class, spec -> spec.withId("my-loan-next-" + loan.id()))
                .getElement().getTextRecursively();
        assertThat(next).contains("Angsuran berikutnya").contains("Rp 118.000,00");
        assertThat(_size(_get(Grid.class, spec -> spec.withId("my-loan-schedule-" + loan.id())))).isEqualTo(12);
        assertThat(_size(_get(Grid.class, spec -> spec.withId("my-loan-payments-" + loan.id())))).isEqualTo(1);
    }

    private LoanProduct createProductOnScreen(long coop) {
        UI.getCurrent().navigate(LoanProductsView.class);
        _click(_get(Button.class, spec -> spec.withId("new-loan-product")));
        _setValue(_get(TextField.class, spec -> spec.withId("product-code")), code);
        _setValue(_get(TextField.class, spec -> spec.withId("product-name-en")), "Stall loan");
        _setValue(_get(TextField.class, spec -> spec.withId("product-name-id")), "Pinjaman warung");
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("product-rate")), new BigDecimal("1.5"));
        _setValue(_get(IntegerField.class, spec -> spec.withId("product-min-instalments")), 1);
        _setValue(_get(IntegerField.class, spec -> spec.withId("product-max-instalments")), 24);
        _setValue(_get(AmountField.class, spec -> spec.withId("product-min-amount")), "100000");
        _setValue(_get(AmountField.class, spec -> spec.withId("product-max-amount")), "5000000");
        _setValue(_get(AmountField.class, spec -> spec.withId("product-rounding")), "100");
        _click(_get(Button.class, spec -> spec.withId("save-loan-product")));
        LoanProduct created = products.products(coop).stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
        assertThat(created.instalmentRounding()).isEqualByComparingTo("100");
        Grid<LoanProduct> grid = _get(Grid.class, spec -> spec.withId("loan-products-grid"));
        assertThat(grid.getGenericDataView().getItems().map(LoanProduct::code)).contains(code);
        return created;
    }

    /**
     * Rp 1,200,000 flat at 1.5 % a month over 12, rounded to Rp 100: interest 1,200,000 × 0.015 = 18,000 and
     * principal 100,000 each, 118,000 an instalment; over 6 instead: 200,000 + 18,000 = 218,000.
     */
    @SuppressWarnings("unchecked")
    private Loan applyOnScreen(LoanProduct product, Member borrower) {
        UI.getCurrent().navigate(LoanApplicationView.class);
        Span summary = _get(Span.class, spec -> spec.withId("preview-summary"));
        Grid<Instalment> preview = _get(Grid.class, spec -> spec.withId("schedule-preview"));
        _setValue(_get(IntegerField.class, spec -> spec.withId("member-number")), borrower.memberNumber());
        ComboBox<LoanProduct> chosen = _get(ComboBox.class, spec -> spec.withId("loan-product"));
        _setValue(chosen, product);
        assertThat(summary.getText()).startsWith("Choose a product");
        _setValue(_get(AmountField.class, spec -> spec.withId("loan-amount")), "1200000");
        IntegerField instalments = _get(IntegerField.class, spec -> spec.withId("loan-instalments"));
        _setValue(instalments, 12);
        assertThat(_size(preview)).isEqualTo(12);
        assertThat(_get(preview, 0).total()).isEqualByComparingTo("118000");
        _setValue(instalments, 6);
        assertThat(_size(preview)).as("recomputed as the field changes").isEqualTo(6);
        assertThat(_get(preview, 0).total()).isEqualByComparingTo("218000");
        _setValue(instalments, 600);
        assertThat(summary.getText()).contains("between 1 and 520");
        assertThat(_size(preview)).isZero();
        _setValue(instalments, 12);
        _setValue(_get(TextField.class, spec -> spec.withId("loan-purpose")), "a food stall");
        _click(_get(Button.class, spec -> spec.withId("apply-loan")));
        assertThat(loans.loansOf(product.cooperativeId(), borrower.id())).as("what the loan is for is required").isEmpty();
        com.vaadin.flow.component.select.Select<org.lumbung.loans.LoanPurpose> purpose =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("loan-purpose-category"));
        assertThat(purpose.getItemLabelGenerator().apply(org.lumbung.loans.LoanPurpose.FOOD_PROCESSING))
                .isEqualTo("Income-generating activity: food processing");
        _setValue(purpose, org.lumbung.loans.LoanPurpose.FOOD_PROCESSING);
        _click(_get(Button.class, spec -> spec.withId("apply-loan")));
        return loans.loansOf(product.cooperativeId(), borrower.id()).get(0);
    }

    @Test
    void anApprovalBeyondTheLimitAsksTheChairForHerReasonOnTheScreen() {
        signIn("chair", Locale.ENGLISH);
        long coop = cooperatives.byCode("ngrupit").id();
        Member insider = members.register(coop, NewMember.basic("Ibu Pengurus " + code, "F", "Ngrupit", "0812 3333 4444",
                LocalDate.now().minusYears(2)));
        limits.setInsider(coop, insider.id(), InsiderRelation.BOARD);
        LendingSettings before = limits.settings(coop);
        limits.update(coop, new LendingSettings(before.limitPercent(), new BigDecimal("0.0001")));
        try {
            LoanProduct product = products.products(coop).stream()
                    .filter(p -> p.active() && p.requiredSavingsPercent().signum() == 0).findFirst().orElseThrow();
            setUpVaadinAgain();
            signIn("treasurer", Locale.ENGLISH);
            Loan applied = loans.apply(coop, new LoanApplication(insider.id(), product.id(), product.minAmount(),
                    product.maxInstalments(), LocalDate.now().plusMonths(1), LoanPurpose.FOOD_PROCESSING, "a food stall", "treasurer",
                    List.of(), null, null, "limit-" + code));
            setUpVaadinAgain();
            signIn("chair", Locale.ENGLISH);
            openLoan(applied);
            assertThat(_find(TextField.class, spec -> spec.withId("limit-override"))).as("not offered before the limit refuses")
                    .isEmpty();
            _click(_get(Button.class, spec -> spec.withId("approve-loan")));
            assertThat(loans.loan(coop, applied.id()).status()).isEqualTo(LoanStatus.APPLIED);
            TextField reason = _get(TextField.class, spec -> spec.withId("limit-override"));
            _setValue(reason, "board member, secured by her house");
            _click(_get(Button.class, spec -> spec.withId("approve-loan")));
            Loan approved = loans.loan(coop, applied.id());
            assertThat(approved.status()).isEqualTo(LoanStatus.APPROVED);
            assertThat(approved.limitOverrideReason()).isEqualTo("board member, secured by her house");
        } finally {
            SystemActor.run(() -> limits.update(coop, before)); // whoever is signed in when the test ends
        }
    }

    private void openLoan(Loan loan) {
        UI.getCurrent().navigate(LoanView.class, new RouteParameters("loanId", Long.toString(loan.id())));
    }

    /** 118,000 pays instalment 1: interest 18,000 first, then principal 100,000; outstanding 1,100,000 after. */
    private void repayOnScreen() {
        _click(_get(Button.class, spec -> spec.withId("repay-loan")));
        _setValue(_get(AmountField.class, spec -> spec.withId("repayment-amount")), "118000");
        String split = _get(Span.class, spec -> spec.withId("repayment-split")).getText();
        assertThat(split).contains("interest IDR 18,000.00").contains("principal IDR 100,000.00")
                .contains("after IDR 1,100,000.00").doesNotContain("closes");
        _click(_get(Button.class, spec -> spec.withId("save-repayment")));
    }
}
