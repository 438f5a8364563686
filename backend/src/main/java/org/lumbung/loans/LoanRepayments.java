package org.lumbung.loans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.Precondition;
import org.lumbung.loans.schedule.AllocatedPart;
import org.lumbung.loans.schedule.Allocation;
import org.lumbung.loans.schedule.DueParts;
import org.lumbung.loans.schedule.Instalment;
import org.lumbung.loans.schedule.LoanState;
import org.lumbung.loans.schedule.Payoff;
import org.lumbung.loans.schedule.PayoffQuote;
import org.lumbung.loans.schedule.PrepaymentRule;
import org.lumbung.loans.schedule.RepaymentAllocator;
import org.lumbung.loans.schedule.Schedule;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.MoneyArgument;
import org.lumbung.platform.money.Amounts;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.lumbung.db.jooq.Tables.LOAN;
import static org.lumbung.db.jooq.Tables.LOAN_INSTALMENT;
import static org.lumbung.db.jooq.Tables.LOAN_INTEREST_ACCRUAL;
import static org.lumbung.db.jooq.Tables.LOAN_TRANSACTION;

/**
 * Money coming back: repayments (split by the engine's {@link RepaymentAllocator} in the loan's allocation
 * order, shown before saving by {@link #preview}), payoff (the engine's {@link Payoff} quote under the loan's
 * prepayment rule; later interest is waived) and recoveries after a write-off. Each is one balanced entry:
 * cash or the linked savings debited; the loan's sub-account credited with the principal, interest income
 * (interest receivable when the product accrues) with the interest, fee and penalty income with theirs.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class LoanRepayments {

    private final DSLContext dsl;
    private final LoanService loans;
    private final LoanBooking booking;
    private final SavingsService savings;

    public LoanRepayments(DSLContext dsl, LoanService loans, LoanBooking booking, SavingsService savings) {
        this.dsl = dsl;
        this.loans = loans;
        this.booking = booking;
        this.savings = savings;
    }

    /** How a payment would split over what the loan owes, oldest instalment first, and the principal after it. */
    @PreAuthorize("@access.may('READ_LOANS')")
    public RepaymentPreview preview(long cooperativeId, long loanId, BigDecimal amount) {
        return split(loans.active(cooperativeId, loanId), amount);
    }

    /** How a payment splits over what the active loan owes now (its current schedule, read here). */
    private RepaymentPreview split(Loan loan, BigDecimal amount) {
        List<DueParts> dues = LoanRows.instalments(dsl, loan.id(), loan.scheduleVersion(), loan.currency()).stream()
                .filter(i -> i.state() == LoanInstalment.State.DUE || i.state() == LoanInstalment.State.OVERDUE)
                .map(LoanRepayments::dueParts).toList();
        Allocation allocation = RepaymentAllocator.allocate(amount, loan.currency(), dues, loan.terms().allocationOrder());
        DomainException.require(allocation.excess().signum() == 0, "loans.repayment.more-than-owed",
                MoneyArgument.of(amount.subtract(allocation.excess()), loan.currency()));
        BigDecimal owed = dues.stream().map(d -> d.penalty().add(d.fees()).add(d.interest()).add(d.principal()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RepaymentPreview(allocation, loan.outstandingPrincipal(),
                loan.outstandingPrincipal().subtract(allocation.principal()), parts(allocation).amount().compareTo(owed) == 0);
    }

    private static DueParts dueParts(LoanInstalment i) {
        return new DueParts(i.number(), i.dueDate(), i.penaltyDue().subtract(i.penaltyPaid()), i.feeDue().subtract(i.feePaid()),
                i.interestDue().subtract(i.interestPaid()).subtract(i.interestWaived()), i.principalDue().subtract(i.principalPaid()));
    }

    @Transactional
    @PreAuthorize("@access.may('RECORD_REPAYMENT')")
    public LoanTransaction repay(long cooperativeId, long loanId, Repayment r) {
        LinkedHashMap<Long, Repayment> one = new LinkedHashMap<>();
        one.put(loanId, r);
        return repayAll(cooperativeId, one).get(0);
    }

    /**
     * Repayments on several loans at once (a group's meeting, a day's payments at the counter), each exactly as
     * {@link #repay} takes one ({@code repay} is a group of one): the loans locked together in id order, each
     * payment split and its instalments settled, the entries posted through the ledger's batch path in one
     * pipeline run (each entry under its own rule) and the loan transactions recorded in one insert. At most
     * {@link LoanService#MAX_GROUP} loans, one payment each with its own key; a payment whose key was already
     * booked answers what it booked. All or none. Answers the loan transactions in the order given.
     */
    @Transactional
    @PreAuthorize("@access.may('RECORD_REPAYMENT')")
    public List<LoanTransaction> repayAll(long cooperativeId, Map<Long, Repayment> byLoan) {
        DomainException.require(byLoan != null, "loans.group.size", LoanService.MAX_GROUP);
        LoanService.requireGroup(new ArrayList<>(byLoan.keySet()));
        Map<Long, String> keys = new LinkedHashMap<>();
        byLoan.forEach((loanId, r) -> {
            requireEntered(r);
            keys.put(loanId, r.idempotencyKey());
        });
        DomainException.require(new HashSet<>(keys.values()).size() == keys.size(), "loans.group.duplicate");
        booking.lockAll(cooperativeId, byLoan.keySet());
        Map<Long, LoanTransaction> booked = booking.replays(cooperativeId, keys, LoanTransaction.Kind.REPAYMENT);
        List<Loan> pending = loans.activeAll(cooperativeId, byLoan.keySet().stream().filter(id -> !booked.containsKey(id)).toList());
        if (!pending.isEmpty()) {
            LocalDate today = booking.today(cooperativeId);
            Function<LoanAccountRole, String> codes = booking.codes(cooperativeId);
            List<LoanBooking.Event> events = new ArrayList<>(pending.size());
            for (Loan loan : pending) {
                Repayment r = Objects.requireNonNull(byLoan.get(loan.id()));
                LoanBooking.requireValueDate(today, r.valueDate(), loan.scheduleStart());
                RepaymentPreview split = split(loan, r.amount());
                settle(loan, split.allocation().parts(), r.valueDate());
                events.add(event(loan, LoanTransaction.Kind.REPAYMENT, r, split.allocation(), split.outstandingAfter(), codes,
                        split.closesLoan()));
            }
            booking.bookAll(pending, events).forEach(t -> booked.put(t.loanId(), t));
        }
        return byLoan.keySet().stream().map(booked::get).toList();
    }

    /**
     * The hook for a repayment carried by another feature's own journal entry (a remittance allocated to a
     * loan): the loan is locked, the amount split exactly as {@link #repay} splits it on that date, and the
     * lines of the split answered (with the closing pair of an accruing loan's receivable, as {@link #repay} books
     * it); nothing is written yet. Inside one transaction the caller then
     * <ol>
     *   <li>adds {@link LinkedRepayment#lines()} and its own debit of {@link LinkedRepayment#amount()} (e.g. its
     *   clearing account) to its entry's lines, which must balance as a whole;</li>
     *   <li>posts the entry with {@code itsOwnRule.and(linked.rule())}: the ledger checks, under its locks, that
     *   the loan's sub-account still holds the principal the split was made for;</li>
     *   <li>calls {@link #recordLinked} with the posted entry's id: the instalments are settled and the loan
     *   transaction recorded (kind REPAYMENT, channel REMITTANCE), exactly as a repayment through
     *   {@link #repay} leaves them.</li>
     * </ol>
     * Refused as {@link #repay} refuses (a loan not active, a value date in the future or before the
     * disbursement, more than is owed); an idempotency key already used on a loan is a conflict. Needs the
     * caller's transaction (the loan's lock lives in it) and the RECORD_REPAYMENT ability.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("@access.may('RECORD_REPAYMENT')")
    public LinkedRepayment linkedRepayment(long cooperativeId, long loanId, BigDecimal amount, LocalDate valueDate,
                                           String idempotencyKey) {
        booking.lock(cooperativeId, loanId);
        if (booking.replay(cooperativeId, loanId, LoanTransaction.Kind.REPAYMENT, idempotencyKey).isPresent()) {
            throw DomainException.conflict("loans.key.used-elsewhere");
        }
        Loan loan = loans.active(cooperativeId, loanId);
        booking.requireValueDate(cooperativeId, valueDate, loan.scheduleStart());
        RepaymentPreview split = split(loan, amount);
        Function<LoanAccountRole, String> codes = booking.codes(cooperativeId);
        List<PostingLine> lines = new ArrayList<>(credits(loan, split.allocation(), codes));
        // nothing is settled yet: this payment's interest is added to what the instalments say was paid
        lines.addAll(squaredReceivable(loan, split.closesLoan(), split.allocation().interest(), codes));
        return new LinkedRepayment(cooperativeId, loanId, loan.number(), valueDate, idempotencyKey, split, lines,
                booking.transactionId());
    }

    /**
     * Records a {@link #linkedRepayment} once the caller's entry carrying its lines is posted (same
     * transaction): settles the instalments and records the loan transaction pointing at that entry.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("@access.may('RECORD_REPAYMENT')")
    public LoanTransaction recordLinked(LinkedRepayment linked, long journalEntryId) {
        if (linked == null || linked.transactionId() != booking.transactionId()) {
            throw new IllegalStateException("a linked repayment is recorded in the transaction that prepared it");
        }
        booking.requireCarried(linked.cooperativeId(), journalEntryId, linked.lines());
        Loan loan = loans.active(linked.cooperativeId(), linked.loanId());
        Allocation a = linked.split().allocation();
        settle(loan, a.parts(), linked.valueDate());
        return booking.record(loan, new LoanBooking.Event(LoanTransaction.Kind.REPAYMENT, Channel.REMITTANCE, null,
                linked.valueDate(), parts(a), linked.split().outstandingAfter(), linked.lines(), Precondition.NONE,
                linked.idempotencyKey(), null), journalEntryId);
    }

    /** What closing the loan on a date takes, by the loan's prepayment rule. */
    @PreAuthorize("@access.may('READ_LOANS')")
    public PayoffQuote payoffQuote(long cooperativeId, long loanId, @Nullable LocalDate date) {
        Loan loan = loans.active(cooperativeId, loanId);
        DomainException.require(date != null, "ledger.value-date.missing");
        return quote(dsl, loan, date, loan.terms().prepaymentRule());
    }

    /**
     * What closing the loan on {@code date} would take under {@code rule}: a payoff uses the product's rule, a
     * reschedule the interest earned to the day (it refinances the loan there).
     */
    static PayoffQuote quote(DSLContext dsl, Loan loan, LocalDate date, PrepaymentRule rule) {
        List<LoanInstalment> rows = LoanRows.instalments(dsl, loan.id(), loan.scheduleVersion(), loan.currency());
        String c = loan.currency();
        BigDecimal zero = LoanService.zero(c);
        List<Instalment> scheduled = rows.stream().map(i -> new Instalment(i.number(), i.dueDate(), i.principalDue(),
                i.interestDue(), i.principalDue().add(i.interestDue()))).toList();
        Schedule schedule = new Schedule(c, scheduled, sum(rows, LoanInstalment::principalDue, zero),
                sum(rows, LoanInstalment::interestDue, zero));
        LoanState state = new LoanState(schedule, Objects.requireNonNull(loan.scheduleStart(), "an active loan was disbursed"),
                sum(rows, LoanInstalment::principalPaid, zero), sum(rows, i -> i.interestPaid().add(i.interestWaived()), zero),
                sum(rows, i -> i.feeDue().subtract(i.feePaid()), zero), sum(rows, i -> i.penaltyDue().subtract(i.penaltyPaid()), zero));
        return Payoff.amount(state, date, rule, loan.terms().dayCount());
    }

    private static BigDecimal sum(List<LoanInstalment> rows, Function<LoanInstalment, BigDecimal> part,
                                  BigDecimal zero) {
        return rows.stream().map(part).reduce(zero, BigDecimal::add);
    }

    /**
     * Closes the loan early with exactly its payoff amount: all principal, fees and penalties, the interest
     * the quote says (oldest first); the rest of the scheduled interest is waived.
     */
    @Transactional
    @PreAuthorize("@access.may('RECORD_REPAYMENT')")
    public LoanTransaction payOff(long cooperativeId, long loanId, Repayment r) {
        Optional<LoanTransaction> replayed = begin(cooperativeId, loanId, LoanTransaction.Kind.PREPAYMENT, r);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Loan loan = loans.active(cooperativeId, loanId);
        booking.requireValueDate(cooperativeId, r.valueDate(), loan.scheduleStart());
        PayoffQuote quote = payoffQuote(cooperativeId, loanId, r.valueDate());
        BigDecimal amount = Amounts.requireEntered(r.amount(), loan.currency());
        DomainException.require(amount.compareTo(quote.total()) == 0, "loans.payoff.amount", MoneyArgument.of(quote.total(), loan.currency()));
        List<AllocatedPart> parts = new ArrayList<>();
        BigDecimal interestLeft = quote.interest();
        for (LoanInstalment i : LoanRows.instalments(dsl, loanId, loan.scheduleVersion(), loan.currency())) {
            if (i.state() == LoanInstalment.State.PAID || i.state() == LoanInstalment.State.SUPERSEDED) {
                continue;
            }
            DueParts due = dueParts(i);
            BigDecimal interest = due.interest().min(interestLeft);
            interestLeft = interestLeft.subtract(interest);
            parts.add(new AllocatedPart(i.number(), i.dueDate(), due.penalty(), due.fees(), interest, due.principal()));
        }
        Allocation allocation = new Allocation(loan.currency(), parts, quote.penalty(), quote.fees(),
                quote.interest().subtract(interestLeft), quote.principal(), interestLeft);
        DomainException.require(interestLeft.signum() == 0, "loans.payoff.amount", MoneyArgument.of(quote.total(), loan.currency()));
        settle(loan, parts, r.valueDate());
        waiveUnpaidInterest(loan, r.valueDate());
        return booking.book(loan, event(loan, LoanTransaction.Kind.PREPAYMENT, r, allocation, LoanService.zero(loan.currency()),
                booking.codes(cooperativeId), true));
    }

    /** Money recovered on a written-off loan: income, at most what was unpaid when it was written off. */
    @Transactional
    @PreAuthorize("@access.may('RECORD_REPAYMENT')")
    public LoanTransaction recover(long cooperativeId, long loanId, Repayment r) {
        Optional<LoanTransaction> replayed = begin(cooperativeId, loanId, LoanTransaction.Kind.RECOVERY, r);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Loan loan = loans.loan(cooperativeId, loanId);
        if (loan.status() != LoanStatus.WRITTEN_OFF) {
            throw DomainException.conflict("loans.status", loan.number(), loan.status().name());
        }
        booking.requireValueDate(cooperativeId, r.valueDate(), loan.writtenOffOn());
        BigDecimal amount = Amounts.requireEntered(r.amount(), loan.currency());
        BigDecimal recoverable = recoverable(loan);
        DomainException.require(amount.compareTo(recoverable) <= 0, "loans.recovery.too-much", MoneyArgument.of(recoverable, loan.currency()));
        BigDecimal zero = LoanService.zero(loan.currency());
        List<PostingLine> lines = List.of(PostingLine.debit(source(loan, r.channel()), amount),
                PostingLine.credit(booking.code(cooperativeId, LoanAccountRole.LOAN_RECOVERY_INCOME), amount));
        return booking.book(loan, new LoanBooking.Event(LoanTransaction.Kind.RECOVERY, r.channel(), savingsId(loan, r.channel()),
                r.valueDate(), new LoanBooking.Parts(amount, zero, zero, zero, zero), zero, lines, savingsRule(loan, r.channel()),
                r.idempotencyKey(), r.note()));
    }

    /** What was unpaid of the schedule when the loan was written off, less what was recovered since. */
    private BigDecimal recoverable(Loan loan) {
        BigDecimal unpaid = LoanRows.instalments(dsl, loan.id(), loan.scheduleVersion(), loan.currency()).stream()
                .map(LoanInstalment::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal recovered = dsl.select(DSL.sum(LOAN_TRANSACTION.AMOUNT)).from(LOAN_TRANSACTION)
                .where(LOAN_TRANSACTION.LOAN_ID.eq(loan.id()).and(LOAN_TRANSACTION.KIND.eq(LoanTransaction.Kind.RECOVERY.name())))
                .fetchOne(0, BigDecimal.class);
        return Amounts.normalise(unpaid.subtract(recovered == null ? BigDecimal.ZERO : recovered), loan.currency());
    }

    // --- shared ------------------------------------------------------------------------------------

    private Optional<LoanTransaction> begin(long cooperativeId, long loanId, LoanTransaction.Kind kind, Repayment r) {
        requireEntered(r);
        booking.lock(cooperativeId, loanId);
        return booking.replay(cooperativeId, loanId, kind, r.idempotencyKey());
    }

    /** Money entered by the staff through a channel they take, with a note of bounded length and a key. */
    private static void requireEntered(Repayment r) {
        DomainException.require(r != null && r.channel() != null && r.channel().enteredByStaff(), "loans.channel.missing");
        LoanBooking.requireNote(r.note(), false);
        LoanBooking.requireKey(r.idempotencyKey());
    }


    /** Adds what a payment settled to its instalments; a loan whose every instalment is paid is closed. */
    private void settle(Loan loan, List<AllocatedPart> parts, LocalDate paidOn) {
        for (AllocatedPart p : parts) {
            dsl.update(LOAN_INSTALMENT)
                    .set(LOAN_INSTALMENT.PENALTY_PAID, LOAN_INSTALMENT.PENALTY_PAID.plus(p.penalty()))
                    .set(LOAN_INSTALMENT.FEE_PAID, LOAN_INSTALMENT.FEE_PAID.plus(p.fees()))
                    .set(LOAN_INSTALMENT.INTEREST_PAID, LOAN_INSTALMENT.INTEREST_PAID.plus(p.interest()))
                    .set(LOAN_INSTALMENT.PRINCIPAL_PAID, LOAN_INSTALMENT.PRINCIPAL_PAID.plus(p.principal()))
                    .where(instalment(loan, p.instalment())).execute();
        }
        dsl.update(LOAN_INSTALMENT).set(LOAN_INSTALMENT.STATE, LoanInstalment.State.PAID.name())
                .set(LOAN_INSTALMENT.PAID_ON, paidOn)
                .where(LOAN_INSTALMENT.LOAN_ID.eq(loan.id()).and(LOAN_INSTALMENT.SCHEDULE_VERSION.eq(loan.scheduleVersion()))
                        .and(LOAN_INSTALMENT.STATE.in(LoanInstalment.State.DUE.name(), LoanInstalment.State.OVERDUE.name()))
                        .and(LOAN_INSTALMENT.PRINCIPAL_PAID.eq(LOAN_INSTALMENT.PRINCIPAL_DUE))
                        .and(LOAN_INSTALMENT.INTEREST_PAID.plus(LOAN_INSTALMENT.INTEREST_WAIVED).eq(LOAN_INSTALMENT.INTEREST_DUE))
                        .and(LOAN_INSTALMENT.FEE_PAID.eq(LOAN_INSTALMENT.FEE_DUE))
                        .and(LOAN_INSTALMENT.PENALTY_PAID.eq(LOAN_INSTALMENT.PENALTY_DUE))).execute();
        boolean open = dsl.fetchExists(LOAN_INSTALMENT, LOAN_INSTALMENT.LOAN_ID.eq(loan.id())
                .and(LOAN_INSTALMENT.SCHEDULE_VERSION.eq(loan.scheduleVersion()))
                .and(LOAN_INSTALMENT.STATE.in(LoanInstalment.State.DUE.name(), LoanInstalment.State.OVERDUE.name())));
        if (!open) {
            dsl.update(LOAN).set(LOAN.STATUS, LoanStatus.CLOSED.name()).set(LOAN.CLOSED_ON, paidOn)
                    .where(LOAN.ID.eq(loan.id())).execute();
        }
    }

    private static Condition instalment(Loan loan, int number) {
        return LOAN_INSTALMENT.LOAN_ID.eq(loan.id()).and(LOAN_INSTALMENT.SCHEDULE_VERSION.eq(loan.scheduleVersion()))
                .and(LOAN_INSTALMENT.NUMBER.eq(number));
    }

    /** A payoff forgives the interest of the periods it cuts short, then every instalment is settled. */
    private void waiveUnpaidInterest(Loan loan, LocalDate paidOn) {
        dsl.update(LOAN_INSTALMENT)
                .set(LOAN_INSTALMENT.INTEREST_WAIVED, LOAN_INSTALMENT.INTEREST_DUE.minus(LOAN_INSTALMENT.INTEREST_PAID))
                .where(LOAN_INSTALMENT.LOAN_ID.eq(loan.id()).and(LOAN_INSTALMENT.SCHEDULE_VERSION.eq(loan.scheduleVersion()))
                        .and(LOAN_INSTALMENT.STATE.in(LoanInstalment.State.DUE.name(), LoanInstalment.State.OVERDUE.name())))
                .execute();
        settle(loan, List.of(), paidOn);
    }

    /**
     * The event of a payment split as {@code a}: cash or the linked savings debited, the split's parts credited, and
     * when it {@code closes} the loan (a payoff always does) the pair that squares an accruing loan's receivable.
     */
    private LoanBooking.Event event(Loan loan, LoanTransaction.Kind kind, Repayment r, Allocation a, BigDecimal outstandingAfter,
                                    Function<LoanAccountRole, String> codes, boolean closes) {
        LoanBooking.Parts parts = parts(a);
        List<PostingLine> lines = new ArrayList<>(List.of(PostingLine.debit(source(loan, r.channel()), parts.amount())));
        lines.addAll(credits(loan, a, codes));
        // the instalments are settled already: the interest paid, this payment's included, is read back
        lines.addAll(squaredReceivable(loan, closes, BigDecimal.ZERO, codes));
        return new LoanBooking.Event(kind, r.channel(), savingsId(loan, r.channel()), r.valueDate(),
                parts, outstandingAfter, lines, savingsRule(loan, r.channel()), r.idempotencyKey(), r.note());
    }

    /**
     * A loan that accrues and closes with this payment leaves nothing on the interest receivable. Interest paid ahead
     * of its accrual (a payoff that takes the whole current period, instalments paid early) was credited to the
     * receivable and will never accrue now; interest accrued and then waived will never be paid. The difference moves
     * between the receivable and interest income, so income holds what the loan really earned. {@code unsettled} is
     * the interest of a payment not yet added to the instalments (a linked repayment, settled once its entry is posted).
     */
    private List<PostingLine> squaredReceivable(Loan loan, boolean closes, BigDecimal unsettled,
                                                Function<LoanAccountRole, String> codes) {
        if (!loan.terms().accruesInterest() || !closes) {
            return List.of();
        }
        BigDecimal paid = dsl.select(DSL.sum(LOAN_INSTALMENT.INTEREST_PAID)).from(LOAN_INSTALMENT)
                .where(LOAN_INSTALMENT.LOAN_ID.eq(loan.id())).fetchOne(0, BigDecimal.class);
        BigDecimal accrued = dsl.select(DSL.sum(LOAN_INTEREST_ACCRUAL.AMOUNT)).from(LOAN_INTEREST_ACCRUAL)
                .where(LOAN_INTEREST_ACCRUAL.LOAN_ID.eq(loan.id())).fetchOne(0, BigDecimal.class);
        BigDecimal neverAccrued = Amounts.normalise((paid == null ? BigDecimal.ZERO : paid).add(unsettled)
                .subtract(accrued == null ? BigDecimal.ZERO : accrued), loan.currency());
        if (neverAccrued.signum() == 0) {
            return List.of();
        }
        String receivable = codes.apply(LoanAccountRole.LOAN_INTEREST_RECEIVABLE);
        String income = codes.apply(LoanAccountRole.LOAN_INTEREST_INCOME);
        BigDecimal amount = neverAccrued.abs();
        return neverAccrued.signum() > 0
                ? List.of(PostingLine.debit(receivable, amount), PostingLine.credit(income, amount))
                : List.of(PostingLine.debit(income, amount), PostingLine.credit(receivable, amount));
    }

    private static LoanBooking.Parts parts(Allocation a) {
        return new LoanBooking.Parts(a.principal().add(a.interest()).add(a.fees()).add(a.penalty()), a.principal(),
                a.interest(), a.fees(), a.penalty());
    }

    /**
     * The credits of a split: the loan's sub-account, interest (receivable when accrued, else income), fees, penalty;
     * an account is looked up only for a part that was paid.
     */
    private static List<PostingLine> credits(Loan loan, Allocation a, Function<LoanAccountRole, String> codes) {
        List<PostingLine> lines = new ArrayList<>();
        credit(lines, loan::number, a.principal());
        credit(lines, () -> codes.apply(loan.terms().accruesInterest() ? LoanAccountRole.LOAN_INTEREST_RECEIVABLE
                : LoanAccountRole.LOAN_INTEREST_INCOME), a.interest());
        credit(lines, () -> codes.apply(LoanAccountRole.LOAN_FEE_INCOME), a.fees());
        credit(lines, () -> codes.apply(LoanAccountRole.LOAN_PENALTY_INCOME), a.penalty());
        return lines;
    }

    private static void credit(List<PostingLine> lines, Supplier<String> account, BigDecimal amount) {
        if (amount.signum() > 0) {
            lines.add(PostingLine.credit(account.get(), amount));
        }
    }

    private String source(Loan loan, Channel channel) {
        if (channel == Channel.CASH) {
            return booking.cash(loan.cooperativeId());
        }
        DomainException.require(loan.savingsAccountId() != null, "loans.savings.required");
        return savings.account(loan.cooperativeId(), loan.savingsAccountId()).number();
    }

    private static @Nullable Long savingsId(Loan loan, Channel channel) {
        return channel == Channel.SAVINGS ? loan.savingsAccountId() : null;
    }

    /**
     * Paid from savings, the account keeps its product's minimum balance and what other loans hold on it (checked
     * under the ledger's locks), as a withdrawal does.
     */
    private Precondition savingsRule(Loan loan, Channel channel) {
        if (channel != Channel.SAVINGS) {
            return Precondition.NONE;
        }
        // source(loan, channel), called first, refused a loan without one
        return savings.keepsWhatIsHeld(loan.cooperativeId(), Objects.requireNonNull(loan.savingsAccountId()));
    }
}
