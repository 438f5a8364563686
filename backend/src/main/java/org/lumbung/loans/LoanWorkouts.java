package org.lumbung.loans;

import org.jooq.DSLContext;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.Precondition;
import org.lumbung.loans.schedule.AllocationOrder;
import org.lumbung.loans.schedule.PayoffQuote;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.Schedule;
import org.lumbung.loans.schedule.ScheduleCalculator;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.LOAN;
import static org.lumbung.db.jooq.Tables.LOAN_INSTALMENT;

/**
 * Loans that went wrong: write-off (asked for by one person with a reason, carried out by a second — the chair —
 * as one entry moving the outstanding principal from the loan's sub-account to the write-off account, by
 * default the allowance for loan losses) and rescheduling (a new schedule version for the outstanding
 * principal; the old one is kept, superseded; the loan flagged restructured).
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class LoanWorkouts {

    private final DSLContext dsl;
    private final LoanService loans;
    private final LoanBooking booking;

    public LoanWorkouts(DSLContext dsl, LoanService loans, LoanBooking booking) {
        this.dsl = dsl;
        this.loans = loans;
        this.booking = booking;
    }

    @Transactional
    @PreAuthorize("@access.may('APPLY_LOAN')")
    public Loan requestWriteOff(long cooperativeId, long loanId, String reason) {
        LoanBooking.requireNote(reason, true);
        booking.lock(cooperativeId, loanId);
        Loan loan = loans.active(cooperativeId, loanId);
        if (loan.writeOffRequestedBy() != null) {
            throw DomainException.conflict("loans.write-off.pending", loan.number());
        }
        dsl.update(LOAN).set(LOAN.WRITE_OFF_REASON, reason.strip()).set(LOAN.WRITE_OFF_REQUESTED_BY, CurrentActor.name())
                .where(LOAN.ID.eq(loanId)).execute();
        return loans.loan(cooperativeId, loanId);
    }

    /** Carries out a write-off someone else asked for; a refused one is withdrawn with {@link #withdrawWriteOff}. */
    @Transactional
    @PreAuthorize("@access.may('WRITE_OFF_LOAN')")
    public LoanTransaction writeOff(long cooperativeId, long loanId, LocalDate valueDate, String idempotencyKey) {
        String checker = CurrentActor.name();
        booking.lock(cooperativeId, loanId);
        Optional<LoanTransaction> replayed = booking.replay(cooperativeId, loanId, LoanTransaction.Kind.WRITE_OFF, idempotencyKey);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Loan loan = loans.active(cooperativeId, loanId);
        DomainException.require(loan.writeOffRequestedBy() != null, "loans.write-off.not-requested", loan.number());
        LoanService.requireSecondPerson(checker, loan.writeOffRequestedBy());
        booking.requireValueDate(cooperativeId, valueDate, loan.scheduleStart());
        BigDecimal principal = loan.outstandingPrincipal();
        BigDecimal zero = LoanService.zero(loan.currency());
        List<PostingLine> lines = principal.signum() == 0 ? List.of() : List.of(
                PostingLine.debit(booking.code(cooperativeId, LoanAccountRole.LOAN_WRITE_OFF), principal),
                PostingLine.credit(loan.number(), principal));
        LoanTransaction t = booking.book(loan, new LoanBooking.Event(LoanTransaction.Kind.WRITE_OFF, null, null, valueDate,
                new LoanBooking.Parts(principal, principal, zero, zero, zero), zero, lines, Precondition.NONE,
                idempotencyKey, loan.writeOffReason()));
        dsl.update(LOAN).set(LOAN.STATUS, LoanStatus.WRITTEN_OFF.name()).set(LOAN.WRITTEN_OFF_BY, checker)
                .set(LOAN.WRITTEN_OFF_ON, valueDate).where(LOAN.ID.eq(loanId)).execute();
        return t;
    }

    /** The chair refuses a write-off: the request is taken back, the loan goes on. */
    @Transactional
    @PreAuthorize("@access.may('WRITE_OFF_LOAN')")
    public Loan withdrawWriteOff(long cooperativeId, long loanId) {
        booking.lock(cooperativeId, loanId);
        Loan loan = loans.active(cooperativeId, loanId);
        DomainException.require(loan.writeOffRequestedBy() != null, "loans.write-off.not-requested", loan.number());
        dsl.update(LOAN).setNull(LOAN.WRITE_OFF_REASON).setNull(LOAN.WRITE_OFF_REQUESTED_BY).where(LOAN.ID.eq(loanId)).execute();
        return loans.loan(cooperativeId, loanId);
    }

    /**
     * A new schedule for the outstanding principal from {@code valueDate}; what the old schedule had earned and was
     * not paid by that day (the interest of the instalments due by then, the current period's pro rata, as a payoff
     * to the day counts it; fees and penalties) goes into the new first instalment (nothing is booked: it was not
     * income yet). Interest of the old periods after the day is not carried: the new schedule charges its own.
     * The old instalments stay, superseded.
     */
    @Transactional
    @PreAuthorize("@access.may('APPLY_LOAN')")
    public Loan reschedule(long cooperativeId, long loanId, Reschedule r) {
        DomainException.require(r != null, "loans.reschedule.missing");
        LoanBooking.requireNote(r.reason(), true);
        booking.lock(cooperativeId, loanId);
        if (booking.replay(cooperativeId, loanId, LoanTransaction.Kind.RESCHEDULE, r.idempotencyKey()).isPresent()) {
            return loans.loan(cooperativeId, loanId);
        }
        Loan loan = loans.active(cooperativeId, loanId);
        booking.requireValueDate(cooperativeId, r.valueDate(), loan.scheduleStart());
        DomainException.require(loan.outstandingPrincipal().signum() > 0, "loans.reschedule.nothing-owed");
        CopiedTerms old = loan.terms();
        AllocationOrder order = r.allocationOrder() == null ? old.allocationOrder() : r.allocationOrder();
        CopiedTerms terms = new CopiedTerms(old.method(), old.ratePercent(), old.ratePeriod(), old.frequency(), r.instalments(),
                0, 0, old.dayCount(), old.instalmentRounding(), old.fee(), old.penalty(), order, old.prepaymentRule(),
                old.accruesInterest());
        Schedule schedule = ScheduleCalculator.schedule(terms.terms(loan.outstandingPrincipal(), loan.currency(),
                r.valueDate(), r.firstDueDate()));
        PayoffQuote owedToTheDay = LoanRepayments.quote(dsl, loan, r.valueDate(), PrepaymentRule.INTEREST_TO_PAYMENT_DATE);
        int version = loan.scheduleVersion() + 1;
        supersede(loan);
        LoanRows.insertSchedule(dsl, cooperativeId, loanId, version, schedule);
        carryArrears(loanId, version, owedToTheDay);
        dsl.update(LOAN).set(LOAN.SCHEDULE_VERSION, version).set(LOAN.RESTRUCTURED, true)
                .set(LOAN.SCHEDULE_START, r.valueDate()).set(LOAN.INSTALMENTS, r.instalments())
                .set(LOAN.GRACE_PRINCIPAL, 0).set(LOAN.GRACE_INTEREST, 0).set(LOAN.ALLOCATION_ORDER, order.name())
                .where(LOAN.ID.eq(loanId)).execute();
        BigDecimal zero = LoanService.zero(loan.currency());
        booking.book(loan, new LoanBooking.Event(LoanTransaction.Kind.RESCHEDULE, null, null, r.valueDate(),
                new LoanBooking.Parts(zero, zero, zero, zero, zero), loan.outstandingPrincipal(), List.of(),
                Precondition.NONE, r.idempotencyKey(), r.reason()));
        return loans.loan(cooperativeId, loanId);
    }

    private void supersede(Loan loan) {
        dsl.update(LOAN_INSTALMENT).set(LOAN_INSTALMENT.STATE, LoanInstalment.State.SUPERSEDED.name())
                .where(LOAN_INSTALMENT.LOAN_ID.eq(loan.id()).and(LOAN_INSTALMENT.SCHEDULE_VERSION.eq(loan.scheduleVersion()))
                        .and(LOAN_INSTALMENT.STATE.ne(LoanInstalment.State.PAID.name()))).execute();
    }

    private void carryArrears(long loanId, int version, PayoffQuote owed) {
        BigDecimal interest = owed.interest();
        BigDecimal fees = owed.fees();
        BigDecimal penalty = owed.penalty();
        // carried interest was earned (and, for a product that accrues, accrued) under the old schedule
        dsl.update(LOAN_INSTALMENT).set(LOAN_INSTALMENT.INTEREST_DUE, LOAN_INSTALMENT.INTEREST_DUE.plus(interest))
                .set(LOAN_INSTALMENT.INTEREST_CARRIED, interest)
                .set(LOAN_INSTALMENT.FEE_DUE, LOAN_INSTALMENT.FEE_DUE.plus(fees))
                .set(LOAN_INSTALMENT.PENALTY_DUE, LOAN_INSTALMENT.PENALTY_DUE.plus(penalty))
                .where(LOAN_INSTALMENT.LOAN_ID.eq(loanId).and(LOAN_INSTALMENT.SCHEDULE_VERSION.eq(version))
                        .and(LOAN_INSTALMENT.NUMBER.eq(1))).execute();
    }
}
