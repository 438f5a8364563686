package org.lumbung.ui.loans;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.loans.Channel;
import org.lumbung.loans.Disbursement;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanApplication;
import org.lumbung.loans.LoanProduct;
import org.lumbung.loans.LoanProductService;
import org.lumbung.loans.LoanPurpose;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanStatus;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.loans.NewLoanProduct;
import org.lumbung.loans.schedule.DayCount;
import org.lumbung.loans.schedule.InterestMethod;
import org.lumbung.loans.schedule.RatePeriod;
import org.lumbung.loans.schedule.RepaymentFrequency;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.NewMember;
import org.lumbung.security.SystemActor;
import org.lumbung.ui.KaribuTest;
import org.lumbung.ui.components.AmountField;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.github.mvysny.kaributesting.v10.NotificationsKt;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workouts on the loan page, as the people who do them: the treasurer pays a loan off at its quote,
 * reschedules another and asks for its write-off, which only someone else (the chair) carries out; then the
 * treasurer records money recovered on it.
 */
class LoanWorkoutScreensTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    LoanProductService products;
    @Autowired
    LoanService loans;
    @Autowired
    MemberService members;
    @Autowired
    DSLContext dsl;

    private final String code = "W" + Long.toString(System.nanoTime() % 1_000_000_000L);
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    private long coop;
    private LoanProduct product;

    @BeforeEach
    void product() {
        signIn("chair", Locale.ENGLISH);
        coop = cooperatives.byCode("ngrupit").id();
        product = products.create(coop, new NewLoanProduct(code, "Workout loan", "Pinjaman uji", "IDR", InterestMethod.FLAT,
                new BigDecimal("1.5"), RatePeriod.MONTH, RepaymentFrequency.MONTHLY, 1, 24, new BigDecimal("100000"),
                new BigDecimal("5000000"), 0, 0, DayCount.THIRTY_360, new BigDecimal("100"), null, null, null, null, false, 3,
                BigDecimal.ZERO));
    }

    @Test
    void theTreasurerPaysALoanOffAtItsQuote() {
        Loan loan = activeLoan("Ibu Lunas " + code);
        openLoan(loan);
        _click(_get(Button.class, spec -> spec.withId("pay-off-loan")));
        assertThat(_get(Span.class, spec -> spec.withId("payoff-quote")).getText())
                .as("paid off on the day of disbursement: the principal only").contains("IDR 1,200,000.00 in all");
        _click(_get(Button.class, spec -> spec.withId("save-payoff")));
        assertThat(loans.loan(coop, loan.id()).status()).isEqualTo(LoanStatus.CLOSED);
        assertThat(_find(Button.class, spec -> spec.withId("pay-off-loan"))).as("nothing left to pay off").isEmpty();
    }

    @Test
    void aPayoffWithoutADateIsRefusedForTheDateAndPaysNothing() {
        Loan loan = activeLoan("Ibu Tanpa Tanggal " + code);
        openLoan(loan);
        _click(_get(Button.class, spec -> spec.withId("pay-off-loan")));
        _setValue(_get(DatePicker.class, spec -> spec.withId("payoff-date")), null);
        assertThat(_get(Span.class, spec -> spec.withId("payoff-quote")).getText()).isEqualTo("Choose the value date.");
        _click(_get(Button.class, spec -> spec.withId("save-payoff")));
        NotificationsKt.expectNotifications("Choose the value date.");
        assertThat(loans.loan(coop, loan.id()).status()).isEqualTo(LoanStatus.ACTIVE);
    }

    @Test
    void aRescheduleAndAWriteOffAskedByOneAndDoneByAnotherThenARecovery() {
        Loan loan = activeLoan("Ibu Macet " + code);
        openLoan(loan);
        _click(_get(Button.class, spec -> spec.withId("reschedule-loan")));
        _setValue(_get(IntegerField.class, spec -> spec.withId("reschedule-instalments")), 6);
        _click(_get(Button.class, spec -> spec.withId("save-reschedule")));
        assertThat(loans.loan(coop, loan.id()).restructured()).as("a reason is required").isFalse();
        _setValue(_get(TextField.class, spec -> spec.withId("reschedule-reason")), "warung kebanjiran");
        _click(_get(Button.class, spec -> spec.withId("save-reschedule")));
        Loan rescheduled = loans.loan(coop, loan.id());
        assertThat(rescheduled.restructured()).isTrue();
        assertThat(rescheduled.scheduleVersion()).isEqualTo(2);

        _click(_get(Button.class, spec -> spec.withId("request-write-off")));
        _setValue(_get(TextField.class, spec -> spec.withId("write-off-reason")), "pindah ke luar negeri");
        _click(_get(Button.class, spec -> spec.withId("save-write-off-request")));
        assertThat(loans.loan(coop, loan.id()).writeOffRequestedBy()).isEqualTo("treasurer");
        assertThat(_find(Button.class, spec -> spec.withId("write-off-loan"))).as("the treasurer cannot carry it out").isEmpty();

        setUpVaadinAgain();
        signIn("chair", Locale.ENGLISH);
        openLoan(loan);
        assertThat(_get(Span.class, spec -> spec.withId("write-off-pending")).getText()).contains("pindah ke luar negeri");
        _click(_get(Button.class, spec -> spec.withId("write-off-loan")));
        assertThat(loans.loan(coop, loan.id()).status()).isEqualTo(LoanStatus.WRITTEN_OFF);

        setUpVaadinAgain();
        signIn("treasurer", Locale.ENGLISH);
        openLoan(loan);
        _click(_get(Button.class, spec -> spec.withId("recover-loan")));
        _setValue(_get(AmountField.class, spec -> spec.withId("recovery-amount")), "100000");
        _click(_get(Button.class, spec -> spec.withId("save-recovery")));
        List<LoanTransaction> done = loans.transactions(coop, loan.id());
        assertThat(done).extracting(LoanTransaction::kind).contains(LoanTransaction.Kind.RESCHEDULE,
                LoanTransaction.Kind.WRITE_OFF, LoanTransaction.Kind.RECOVERY);
    }

    @Test
    void theDialogsDatesAreTheBusinessDateNotTheWallClocks() {
        Loan loan = activeLoan("Ibu Tanggal " + code);
        LocalDate business = SystemActor.run(() -> dsl.fetchOne("select business_date from loan_business_date where cooperative_id = ?",
                coop).get(0, LocalDate.class));
        // three closes pending: the treasurer's day is the business date, three days behind the wall clock
        LocalDate lagging = today.minusDays(3);
        moveBusinessDate(lagging);
        try {
            openLoan(loan);
            _click(_get(Button.class, spec -> spec.withId("repay-loan")));
            assertThat(_get(DatePicker.class, spec -> spec.withId("repayment-date")).getValue()).isEqualTo(lagging);
            reopen(loan);
            _click(_get(Button.class, spec -> spec.withId("pay-off-loan")));
            assertThat(_get(DatePicker.class, spec -> spec.withId("payoff-date")).getValue()).isEqualTo(lagging);
            reopen(loan);
            _click(_get(Button.class, spec -> spec.withId("reschedule-loan")));
            assertThat(_get(DatePicker.class, spec -> spec.withId("reschedule-first-due")).getValue()).isEqualTo(lagging.plusMonths(1));
        } finally {
            moveBusinessDate(business);
        }
    }

    /** A loan of 1,200,000 over 12 months to a new member: applied by the treasurer, approved by the chair, disbursed today. */
    private Loan activeLoan(String name) {
        setUpVaadinAgain();
        signIn("treasurer", Locale.ENGLISH);
        Member m = members.register(coop, NewMember.basic(name, "F", "Ngrupit", "0812 3333 4444", today.minusYears(2)));
        Loan applied = loans.apply(coop, new LoanApplication(m.id(), product.id(), new BigDecimal("1200000"), 12,
                today.plusMonths(1), LoanPurpose.TRADE, "warung", "treasurer", List.of(), null, null, "test-a-" + name.hashCode() + code));
        setUpVaadinAgain();
        signIn("chair", Locale.ENGLISH);
        loans.approve(coop, applied.id(), null, null);
        setUpVaadinAgain();
        signIn("treasurer", Locale.ENGLISH);
        loans.disburse(coop, applied.id(), new Disbursement(today, Channel.CASH, "test-d-" + name.hashCode() + code));
        return loans.loan(coop, applied.id());
    }

    /** Sets the sample cooperative's business date as closes (or their absence) would have. */
    private void moveBusinessDate(LocalDate date) {
        SystemActor.run(() -> dsl.execute("update loan_business_date set business_date = ? where cooperative_id = ?", date, coop));
    }

    /** The loan page afresh, as the treasurer (no dialog of before left open). */
    private void reopen(Loan loan) {
        setUpVaadinAgain();
        signIn("treasurer", Locale.ENGLISH);
        openLoan(loan);
    }

    private void openLoan(Loan loan) {
        UI.getCurrent().navigate(LoanView.class, new RouteParameters("loanId", Long.toString(loan.id())));
    }
}
