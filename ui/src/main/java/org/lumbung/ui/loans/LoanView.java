package org.lumbung.ui.loans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.loans.BusinessDate;
import org.lumbung.loans.Channel;
import org.lumbung.loans.Disbursement;
import org.lumbung.loans.Loan;
import org.lumbung.loans.LoanAbility;
import org.lumbung.loans.LoanInstalment;
import org.lumbung.loans.LoanRepayments;
import org.lumbung.loans.LoanService;
import org.lumbung.loans.LoanStatus;
import org.lumbung.loans.LoanTransaction;
import org.lumbung.loans.LoanWorkouts;
import org.lumbung.members.MemberService;
import org.lumbung.platform.DomainException;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.components.TextLimit;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One loan: its schedule with each instalment paid, due or overdue, its transactions, what is outstanding,
 * the next instalment, days past due and guarantors; the decision, the disbursement and repayments for those
 * who may make them; payoff, rescheduling, write-off (asked for by one person, carried out by another) and
 * recovery through {@link WorkoutDialogs}.
 */
@Route("loans/loan/:loanId")
@RequiresAbility("READ_LOANS")
public class LoanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CurrentCooperative current;
    private final Cooperative cooperative;
    private final LoanService loans;
    private final LoanRepayments repayments;
    private final LoanWorkouts workouts;
    private final MemberService members;
    private final UiAudit audit;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final TextField decisionNote = new TextField();
    /** Shown once the lending limit refused an approval: the chair may go beyond it with a reason, kept on the loan. */
    private final TextField limitOverride = new TextField();
    private @Nullable Loan loan;

    public LoanView(CurrentCooperative current, LoanService loans, LoanRepayments repayments, LoanWorkouts workouts,
                    MemberService members, UiAudit audit, BusinessDate businessDate, Clock clock) {
        this.workouts = workouts;
        this.current = current;
        this.cooperative = current.require();
        this.loans = loans;
        this.repayments = repayments;
        this.members = members;
        this.audit = audit;
        this.businessDate = businessDate;
        this.clock = clock;
        decisionNote.setLabel(getTranslation("loans.ui.decision-note"));
        decisionNote.setId("decision-note");
        TextLimit.limit(decisionNote, LoanService.MAX_NOTE);
        limitOverride.setLabel(getTranslation("loans.ui.limit-override"));
        limitOverride.setId("limit-override");
        limitOverride.setVisible(false);
        TextLimit.limit(limitOverride, LoanService.MAX_NOTE);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("loanId").orElse("");
        try {
            loan = loans.loan(cooperative.id(), Long.parseLong(id));
        } catch (NumberFormatException | DomainException missing) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render();
    }

    /** Set by {@link #beforeEnter} before anything is shown. */
    private Loan loan() {
        return Objects.requireNonNull(loan, "the loan is read before the view is drawn");
    }

    private void render() {
        removeAll();
        Loan loan = loan();
        String member = members.member(cooperative.id(), loan.memberId()).fullName();
        add(new H2(getTranslation("loans.ui.loan.title", loan.number(), member)), figures(), actions());
        add(new H3(getTranslation("loans.ui.schedule")));
        if (loan.status() == LoanStatus.APPLIED || loan.status() == LoanStatus.APPROVED) {
            ScheduleGrid proposed = new ScheduleGrid();
            proposed.setId("loan-schedule");
            proposed.show(loans.proposedSchedule(loan));
            add(proposed);
        } else {
            add(schedule(loans.schedule(cooperative.id(), loan.id(), null)));
        }
        add(new H3(getTranslation("loans.ui.transactions")), transactions(loans.transactions(cooperative.id(), loan.id())));
    }

    private VerticalLayout figures() {
        Loan loan = loan();
        List<LoanInstalment> rows = loan.status() == LoanStatus.ACTIVE
                ? loans.schedule(cooperative.id(), loan.id(), null) : List.of();
        LoanInstalment next = rows.stream().filter(i -> i.state() == LoanInstalment.State.DUE
                || i.state() == LoanInstalment.State.OVERDUE).findFirst().orElse(null);
        String guarantors = loan.guarantorIds().stream().map(g -> members.member(cooperative.id(), g).fullName())
                .collect(Collectors.joining(", "));
        Span status = figure("loan-status-figure", "loans.ui.status", getTranslation("loans.ui.loan-status." + loan.status().name()));
        Span outstanding = figure("loan-outstanding", "loans.ui.outstanding", money(loan.outstandingPrincipal()));
        Span nextDue = figure("loan-next-due", "loans.ui.next-due", next == null ? "—"
                : Formats.date(next.dueDate(), getLocale()) + " · " + money(next.outstanding()));
        Span late = figure("loan-days-past-due", "loans.ui.days-past-due", Formats.number(loan.daysPastDue(), getLocale()));
        Span guarantees = figure("loan-guarantors", "loans.ui.guarantors", guarantors.isEmpty() ? "—" : guarantors);
        Span principal = figure("loan-principal", "loans.ui.amount", money(loan.principal()) + " · " + loan.productCode());
        Span purpose = figure("loan-purpose", "loans.ui.purpose-category", PurposeLabels.of(this, loan.purposeCategory())
                + " · " + loan.purpose());
        return new VerticalLayout(status, principal, purpose, outstanding, nextDue, late, guarantees);
    }

    private Span figure(String id, String labelKey, String value) {
        Span span = new Span(getTranslation(labelKey) + ": " + value);
        span.setId(id);
        return span;
    }

    private HorizontalLayout actions() {
        Loan loan = loan();
        HorizontalLayout actions = new HorizontalLayout();
        if (loan.status() == LoanStatus.APPLIED && current.may(LoanAbility.APPROVE_LOAN)) {
            actions.add(decisionNote, limitOverride, button("approve-loan", "loans.ui.approve",
                    () -> approve(loan), "APPROVE_LOAN"));
            actions.add(button("reject-loan", "loans.ui.reject",
                    () -> loans.reject(cooperative.id(), loan.id(), decisionNote.getValue()), "REJECT_LOAN"));
        }
        if (loan.status() == LoanStatus.APPROVED && current.may(LoanAbility.DISBURSE_LOAN)) {
            String key = Keys.newKey();
            actions.add(button("disburse-loan", "loans.ui.disburse", () -> loans.disburse(cooperative.id(), loan.id(),
                    new Disbursement(today(), Channel.CASH, key)), "DISBURSE_LOAN"));
        }
        if (loan.status() == LoanStatus.ACTIVE) {
            workoutActions(actions);
        }
        if (loan.status() == LoanStatus.WRITTEN_OFF && current.may(LoanAbility.RECORD_REPAYMENT)) {
            actions.add(dialogButton("recover-loan", "loans.ui.recover", c -> WorkoutDialogs.recovery(repayments, c)));
        }
        actions.setAlignItems(Alignment.BASELINE);
        return actions;
    }

    /**
     * An active loan's repayment, payoff and rescheduling for those who record them; a write-off is asked for
     * by one person and carried out, or refused, by another who decides.
     */
    private void workoutActions(HorizontalLayout actions) {
        Loan loan = loan();
        if (current.may(LoanAbility.RECORD_REPAYMENT)) {
            Button repay = new Button(getTranslation("loans.ui.repay"), e -> new RepaymentDialog(repayments, audit, loan,
                    today(), this::reload).open());
            repay.setId("repay-loan");
            repay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(repay, dialogButton("pay-off-loan", "loans.ui.pay-off", c -> WorkoutDialogs.payoff(repayments, c)));
        }
        if (current.may(LoanAbility.APPLY_LOAN)) {
            actions.add(dialogButton("reschedule-loan", "loans.ui.reschedule", c -> WorkoutDialogs.reschedule(workouts, c)));
            if (loan.writeOffRequestedBy() == null) {
                actions.add(dialogButton("request-write-off", "loans.ui.request-write-off",
                        c -> WorkoutDialogs.requestWriteOff(workouts, c)));
            }
        }
        if (loan.writeOffRequestedBy() != null) {
            Span pending = new Span(getTranslation("loans.ui.write-off.pending", loan.writeOffRequestedBy(), loan.writeOffReason()));
            pending.setId("write-off-pending");
            actions.add(pending);
            if (current.may(LoanAbility.WRITE_OFF_LOAN)) {
                String key = Keys.newKey();
                actions.add(button("write-off-loan", "loans.ui.write-off",
                        () -> workouts.writeOff(cooperative.id(), loan.id(), today(), key), "WRITE_OFF_LOAN"));
                actions.add(button("withdraw-write-off", "loans.ui.withdraw-write-off",
                        () -> workouts.withdrawWriteOff(cooperative.id(), loan.id()), "WITHDRAW_WRITE_OFF"));
            }
        }
    }

    /**
     * The loans' today: the cooperative's business date, which lags the wall clock while closes of business
     * are pending, so events default to the day being worked; once tonight's close has run early (the business
     * date is tomorrow) still today, as no event can be booked on a date to come.
     */
    private LocalDate today() {
        LocalDate business = businessDate.of(cooperative.id());
        LocalDate wallClock = cooperative.today(clock);
        return business.isAfter(wallClock) ? wallClock : business;
    }

    /** A button opening one of the workout dialogs, with a fresh key for what it saves. */
    private Button dialogButton(String id, String labelKey,
                                Function<WorkoutDialogs.Context, Dialog> dialog) {
        Loan loan = loan();
        Button button = new Button(getTranslation(labelKey), e -> dialog.apply(new WorkoutDialogs.Context(loan, audit,
                today(), this::reload, Keys.newKey())).open());
        button.setId(id);
        return button;
    }

    private void approve(Loan loan) {
        try {
            loans.approve(cooperative.id(), loan.id(), decisionNote.getValue(), limitOverride.isVisible() ? limitOverride.getValue() : null);
        } catch (DomainException ex) {
            if (ex.messageKey().startsWith("loans.limit.") && ex.messageKey().endsWith("exceeded")) {
                limitOverride.setVisible(true); // the refusal says the chair may override with a reason: here is where
            }
            throw ex;
        }
    }

    private Button button(String id, String labelKey, Runnable action, String auditAction) {
        Loan loan = loan();
        Button button = new Button(getTranslation(labelKey), e -> {
            try {
                action.run();
                audit.done(cooperative.id(), auditAction, loan.number());
                Notifications.success(getTranslation("loans.ui.done", getTranslation(labelKey), loan.number()));
                reload();
            } catch (DomainException ex) {
                Notifications.refused(ex);
            }
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private void reload() {
        loan = loans.loan(cooperative.id(), loan().id());
        render();
    }

    private Grid<LoanInstalment> schedule(List<LoanInstalment> rows) {
        Grid<LoanInstalment> grid = new Grid<>();
        grid.setId("loan-schedule");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(LoanInstalment::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> Formats.date(i.dueDate(), getLocale())).setHeader(getTranslation("loans.ui.due-date")).setAutoWidth(true);
        amount(grid, LoanInstalment::principalDue, "loans.ui.principal");
        amount(grid, LoanInstalment::interestDue, "loans.ui.interest");
        amount(grid, i -> i.feeDue().add(i.penaltyDue()), "loans.ui.charges");
        amount(grid, i -> i.principalPaid().add(i.interestPaid()).add(i.feePaid()).add(i.penaltyPaid()), "loans.ui.paid");
        amount(grid, LoanInstalment::outstanding, "loans.ui.outstanding");
        grid.addColumn(i -> getTranslation("loans.ui.state." + i.state().name())).setHeader(getTranslation("loans.ui.state"))
                .setAutoWidth(true).setClassNameGenerator(i -> i.state() == LoanInstalment.State.OVERDUE ? "overdue" : null);
        grid.setItems(rows);
        return grid;
    }

    private Grid<LoanTransaction> transactions(List<LoanTransaction> rows) {
        Grid<LoanTransaction> grid = new Grid<>();
        grid.setId("loan-transactions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(t -> Formats.date(t.valueDate(), getLocale())).setHeader(getTranslation("loans.ui.value-date")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("loans.ui.transaction." + t.kind().name())).setHeader(getTranslation("loans.ui.kind")).setAutoWidth(true);
        amount(grid, LoanTransaction::amount, "loans.ui.amount");
        amount(grid, LoanTransaction::principal, "loans.ui.principal");
        amount(grid, LoanTransaction::interest, "loans.ui.interest");
        amount(grid, t -> t.fees().add(t.penalty()), "loans.ui.charges");
        amount(grid, LoanTransaction::outstandingAfter, "loans.ui.outstanding-after");
        grid.setItems(rows);
        return grid;
    }

    private <T> void amount(Grid<T> grid, Function<T, BigDecimal> value, String header) {
        Loan loan = loan();
        grid.addColumn(t -> value.apply(t) == null ? "" : Formats.amount(value.apply(t), loan.currency(), getLocale()))
                .setHeader(getTranslation(header)).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    private String money(BigDecimal value) {
        return Formats.money(value, loan().currency(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return (loan == null ? "" : loan.number() + " — ") + "Lumbung";
    }
}
