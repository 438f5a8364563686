package org.lumbung.loans;

import org.jooq.DSLContext;
import org.lumbung.ledger.Account;
import org.lumbung.ledger.AccountType;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.NewAccount;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.Precondition;
import org.lumbung.loans.schedule.Fee;
import org.lumbung.loans.schedule.LoanTerms;
import org.lumbung.loans.schedule.Schedule;
import org.lumbung.loans.schedule.ScheduleCalculator;
import org.lumbung.members.Member;
import org.lumbung.members.MemberService;
import org.lumbung.members.MemberStatus;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.savings.SavingsAccount;
import org.lumbung.savings.SavingsKind;
import org.lumbung.savings.SavingsService;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.ApiTokens;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.APP_USER;
import static org.lumbung.db.jooq.Tables.LOAN;
import static org.lumbung.db.jooq.Tables.LOAN_GUARANTOR;
import static org.lumbung.db.jooq.Tables.LOAN_TRANSACTION;
import static org.lumbung.db.jooq.Tables.SAVINGS_ACCOUNT;

/**
 * A loan's life up to its disbursement, and its reads: application (checked against the product's limits
 * and the member's open loans) → approval or rejection by a second person (maker-checker: never the one who
 * entered it, never an API token; the legal lending limit checked, or overridden with a reason) → disbursement
 * (one balanced entry: the loan's own sub-account of the portfolio debited with the financed principal, the
 * cash or the linked savings credited with what the borrower receives, fee income with the fees).
 * Repayments are {@link LoanRepayments}', write-off and rescheduling {@link LoanWorkouts}'.
 */
@Service
@PreAuthorize("@access.may('SIGNED_IN')")
public class LoanService {

    static final int MAX_GUARANTORS = 5;
    private static final int MAX_PURPOSE = 300;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DSLContext dsl;
    private final LoanProductService products;
    private final MemberService members;
    private final SavingsService savings;
    private final LendingLimits limits;
    private final LoanBooking booking;
    private final ChartOfAccounts chart;
    private final AccessPolicy access;
    private final BusinessDate businessDate;

    public LoanService(DSLContext dsl, LoanProductService products, MemberService members, SavingsService savings,
                       LendingLimits limits, LoanBooking booking, ChartOfAccounts chart, AccessPolicy access,
                       BusinessDate businessDate) {
        this.businessDate = businessDate;
        this.dsl = dsl;
        this.products = products;
        this.members = members;
        this.savings = savings;
        this.limits = limits;
        this.booking = booking;
        this.chart = chart;
        this.access = access;
    }

    // --- reads -------------------------------------------------------------------------------------

    /** A loan; a member asking for another member's loan gets not-found. */
    public Loan loan(long cooperativeId, long loanId) {
        Loan loan = LoanRows.loans(dsl, LOAN.ID.eq(loanId).and(LOAN.COOPERATIVE_ID.eq(cooperativeId))).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("loans.loan.not-found", loanId));
        access.requireMemberRecord(loan.memberId());
        return loan;
    }

    /** A member's loans, latest first. */
    public List<Loan> loansOf(long cooperativeId, long memberId) {
        access.requireMemberRecord(memberId);
        return LoanRows.loans(dsl, LOAN.MEMBER_ID.eq(memberId).and(LOAN.COOPERATIVE_ID.eq(cooperativeId)));
    }

    /** The cooperative's loans in a status (the approval queue: APPLIED), latest first. */
    @PreAuthorize("@access.may('READ_LOANS')")
    public List<Loan> loansIn(long cooperativeId, LoanStatus status) {
        return LoanRows.loans(dsl, LOAN.COOPERATIVE_ID.eq(cooperativeId).and(LOAN.STATUS.eq(status.name())));
    }

    /** The borrowers' names of listed loans, by member id, in one query: a list of loans must not ask per row. */
    @PreAuthorize("@access.may('READ_LOANS')")
    public java.util.Map<Long, String> borrowerNames(long cooperativeId, List<Loan> listed) {
        return dsl.select(org.lumbung.db.jooq.Tables.MEMBER.ID, org.lumbung.db.jooq.Tables.MEMBER.FULL_NAME)
                .from(org.lumbung.db.jooq.Tables.MEMBER)
                .where(org.lumbung.db.jooq.Tables.MEMBER.COOPERATIVE_ID.eq(cooperativeId)
                        .and(org.lumbung.db.jooq.Tables.MEMBER.ID.in(listed.stream().map(Loan::memberId).distinct().toList())))
                .fetchMap(org.lumbung.db.jooq.Tables.MEMBER.ID, org.lumbung.db.jooq.Tables.MEMBER.FULL_NAME);
    }

    /** The loan's current schedule (or an earlier version, kept after a rescheduling). */
    public List<LoanInstalment> schedule(long cooperativeId, long loanId, Integer version) {
        Loan loan = loan(cooperativeId, loanId);
        int v = version == null ? loan.scheduleVersion() : version;
        DomainException.require(v >= 1 && v <= loan.scheduleVersion(), "loans.schedule.version", loan.scheduleVersion());
        return LoanRows.instalments(dsl, loanId, v, loan.currency());
    }

    /** The loan, which must be active (disbursed, not yet closed or written off). */
    Loan active(long cooperativeId, long loanId) {
        Loan loan = loan(cooperativeId, loanId);
        if (loan.status() != LoanStatus.ACTIVE) {
            throw DomainException.conflict("loans.status", loan.number(), loan.status().name());
        }
        return loan;
    }

    public List<LoanTransaction> transactions(long cooperativeId, long loanId) {
        loan(cooperativeId, loanId);
        return LoanRows.transactions(dsl, LOAN_TRANSACTION.LOAN_ID.eq(loanId)
                .and(LOAN_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)));
    }

    /** The schedule an application would get if disbursed one period before its first due date (the preview). */
    public Schedule proposedSchedule(Loan loan) {
        BigDecimal financed = Fee.financedPrincipal(loan.principal(), loan.currency(), loan.terms().fees());
        return ScheduleCalculator.schedule(loan.terms().terms(financed, loan.currency(),
                LoanTerms.defaultDisbursementDate(loan.firstDueDate(), loan.terms().frequency()), loan.firstDueDate()));
    }

    // --- application -------------------------------------------------------------------------------

    @Transactional
    @PreAuthorize("@access.may('APPLY_LOAN')")
    public Loan apply(long cooperativeId, LoanApplication a) {
        DomainException.require(a != null, "loans.application.missing");
        LoanBooking.requireKey(a.idempotencyKey());
        Optional<Loan> earlier = applicationOf(cooperativeId, a.idempotencyKey());
        if (earlier.isPresent()) {
            return sameApplication(earlier.get(), a);
        }
        LoanProduct product = products.product(cooperativeId, a.productId());
        DomainException.require(product.active(), "loans.product.inactive", product.code());
        Member member = members.member(cooperativeId, a.memberId());
        DomainException.require(member.status() == MemberStatus.ACTIVE, "loans.member.not-active", member.displayNumber());
        BigDecimal amount = checkedAmount(product, a);
        checkDetails(cooperativeId, a);
        BigDecimal required = Amounts.round(amount.multiply(product.requiredSavingsPercent()).divide(HUNDRED), product.currency());
        SavingsAccount linked = linkedSavings(cooperativeId, member.id(), a.savingsAccountId(), required.signum() > 0);
        limits.lockBorrower(cooperativeId, member.id());
        int open = dsl.fetchCount(LOAN, LOAN.MEMBER_ID.eq(member.id()).and(LOAN.COOPERATIVE_ID.eq(cooperativeId))
                .and(LOAN.STATUS.in(LoanStatus.APPLIED.name(), LoanStatus.APPROVED.name(), LoanStatus.ACTIVE.name())));
        DomainException.require(open < product.maxActiveLoans(), "loans.member.too-many-loans", product.maxActiveLoans());
        DomainException.require(linked == null || linked.balance().compareTo(required) >= 0,
                "loans.required-savings.short", required.toPlainString(), linked == null ? "0" : linked.balance().toPlainString());
        long id = insert(cooperativeId, a, product, member, amount, required);
        for (Long guarantor : new HashSet<>(a.guarantorIds())) {
            dsl.insertInto(LOAN_GUARANTOR).set(LOAN_GUARANTOR.LOAN_ID, id).set(LOAN_GUARANTOR.COOPERATIVE_ID, cooperativeId)
                    .set(LOAN_GUARANTOR.MEMBER_ID, guarantor).execute();
        }
        return loan(cooperativeId, id);
    }

    /** The loan an application's idempotency key made, if any. */
    @PreAuthorize("@access.may('READ_LOANS')")
    public Optional<Loan> applicationOf(long cooperativeId, String key) {
        return LoanRows.loans(dsl, LOAN.COOPERATIVE_ID.eq(cooperativeId).and(LOAN.APPLICATION_KEY.eq(key))).stream().findFirst();
    }

    /** A replayed application answers the loan it made; the same key with other content is a conflict. */
    private static Loan sameApplication(Loan loan, LoanApplication a) {
        if (loan.memberId() != a.memberId() || loan.productId() != a.productId() || a.amount() == null
                || loan.principal().compareTo(a.amount()) != 0) {
            throw DomainException.conflict("loans.key.used-elsewhere");
        }
        return loan;
    }

    private static BigDecimal checkedAmount(LoanProduct product, LoanApplication a) {
        BigDecimal amount = Amounts.requireEntered(a.amount(), product.currency());
        DomainException.require(amount.compareTo(product.minAmount()) >= 0 && amount.compareTo(product.maxAmount()) <= 0,
                "loans.application.amount", product.minAmount().toPlainString(), product.maxAmount().toPlainString());
        DomainException.require(a.instalments() >= product.minInstalments() && a.instalments() <= product.maxInstalments(),
                "loans.application.instalments", product.minInstalments(), product.maxInstalments());
        DomainException.require(a.firstDueDate() != null, "loans.terms.first-due-date.missing");
        // the engine checks the terms now, so an application that could never be scheduled is refused at once
        CopiedTerms.of(product, a.instalments()).terms(Fee.financedPrincipal(amount, product.currency(),
                        product.fee() == null ? List.of() : List.of(product.fee())), product.currency(),
                LoanTerms.defaultDisbursementDate(a.firstDueDate(), product.frequency()), a.firstDueDate());
        return amount;
    }

    private void checkDetails(long cooperativeId, LoanApplication a) {
        DomainException.require(a.purpose() != null && !a.purpose().isBlank() && a.purpose().length() <= MAX_PURPOSE,
                "loans.application.purpose", MAX_PURPOSE);
        DomainException.require(a.collateralNotes() == null || a.collateralNotes().length() <= LoanBooking.MAX_NOTE,
                "loans.note.too-long", LoanBooking.MAX_NOTE);
        // against the business date, not the wall clock: back-dated history is booked on its own timeline
        LocalDate business = businessDate.of(cooperativeId);
        DomainException.require(a.firstDueDate().isAfter(business), "loans.application.first-due-past", a.firstDueDate(), business);
        DomainException.require(a.loanOfficer() != null && dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(a.loanOfficer())
                .and(APP_USER.ENABLED.isTrue()).and(APP_USER.COOPERATIVE_ID.eq(cooperativeId)
                        .and(APP_USER.ROLE.in("TREASURER", "CHAIR")).or(APP_USER.ROLE.eq("ADMIN")))),
                "loans.application.officer", String.valueOf(a.loanOfficer()));
        DomainException.require(a.guarantorIds().size() <= MAX_GUARANTORS
                && new HashSet<>(a.guarantorIds()).size() == a.guarantorIds().size(), "loans.guarantor.count", MAX_GUARANTORS);
        for (Long g : a.guarantorIds()) {
            DomainException.require(g != null && g != a.memberId(), "loans.guarantor.self");
            Member guarantor = members.member(cooperativeId, g);
            DomainException.require(guarantor.status() == MemberStatus.ACTIVE, "loans.guarantor.not-active",
                    guarantor.displayNumber());
        }
    }

    /** The borrower's own active voluntary account, when one is given or the product requires savings. */
    private SavingsAccount linkedSavings(long cooperativeId, long memberId, Long accountId, boolean required) {
        DomainException.require(accountId != null || !required, "loans.savings.required");
        if (accountId == null) {
            return null;
        }
        SavingsAccount account = savings.account(cooperativeId, accountId);
        DomainException.require(account.memberId() == memberId && account.kind() == SavingsKind.VOLUNTARY && account.active(),
                "loans.savings.not-linkable", account.number());
        return account;
    }

    private long insert(long cooperativeId, LoanApplication a, LoanProduct p, Member m, BigDecimal amount,
                        BigDecimal required) {
        int serial = dsl.fetchCount(LOAN, LOAN.MEMBER_ID.eq(m.id())) + 1;
        String number = "%s.%05d-%02d".formatted(booking.code(cooperativeId, LoanAccountRole.LOAN_PORTFOLIO), m.memberNumber(), serial);
        CopiedTerms t = CopiedTerms.of(p, a.instalments());
        return dsl.insertInto(LOAN)
                .set(LOAN.COOPERATIVE_ID, cooperativeId).set(LOAN.NUMBER, number).set(LOAN.MEMBER_ID, m.id())
                .set(LOAN.PRODUCT_ID, p.id()).set(LOAN.PURPOSE, a.purpose().strip()).set(LOAN.PRINCIPAL, amount)
                .set(LOAN.CURRENCY, p.currency()).set(LOAN.INTEREST_METHOD, t.method().name())
                .set(LOAN.INTEREST_RATE, t.ratePercent()).set(LOAN.RATE_PERIOD, t.ratePeriod().name())
                .set(LOAN.FREQUENCY, t.frequency().name()).set(LOAN.INSTALMENTS, t.instalments())
                .set(LOAN.GRACE_PRINCIPAL, t.graceOnPrincipal()).set(LOAN.GRACE_INTEREST, t.graceOnInterest())
                .set(LOAN.DAY_COUNT, t.dayCount().name()).set(LOAN.INSTALMENT_ROUNDING, t.instalmentRounding())
                .set(LOAN.FEE_KIND, t.fee() == null ? "NONE" : t.fee().kind().name())
                .set(LOAN.FEE_VALUE, t.fee() == null ? BigDecimal.ZERO : t.fee().value())
                .set(LOAN.FEE_TIMING, t.fee() == null ? "DEDUCTED_AT_DISBURSEMENT" : t.fee().timing().name())
                .set(LOAN.PENALTY_KIND, t.penalty() == null ? "NONE" : t.penalty().kind().name())
                .set(LOAN.PENALTY_VALUE, t.penalty() == null ? BigDecimal.ZERO : t.penalty().value())
                .set(LOAN.PENALTY_GRACE_DAYS, t.penalty() == null ? 0 : t.penalty().graceDays())
                .set(LOAN.PENALTY_CAP, t.penalty() == null ? null : t.penalty().cap())
                .set(LOAN.ALLOCATION_ORDER, t.allocationOrder().name()).set(LOAN.PREPAYMENT_RULE, t.prepaymentRule().name())
                .set(LOAN.ACCRUES_INTEREST, t.accruesInterest()).set(LOAN.REQUIRED_SAVINGS, required)
                .set(LOAN.FIRST_DUE_DATE, a.firstDueDate()).set(LOAN.LOAN_OFFICER, a.loanOfficer())
                .set(LOAN.SAVINGS_ACCOUNT_ID, a.savingsAccountId())
                .set(LOAN.COLLATERAL_NOTES, a.collateralNotes() == null || a.collateralNotes().isBlank() ? null : a.collateralNotes().strip())
                .set(LOAN.APPLICATION_KEY, a.idempotencyKey()).set(LOAN.APPLIED_BY, CurrentActor.name())
                .returning(LOAN.ID).fetchOne(LOAN.ID);
    }

    // --- decision ----------------------------------------------------------------------------------

    /**
     * Approves someone else's application. Beyond the legal lending limit only with {@code limitOverrideReason}:
     * the approver (the chair) overrides it, and the reason is kept on the loan.
     */
    @Transactional
    @PreAuthorize("@access.may('APPROVE_LOAN')")
    public Loan approve(long cooperativeId, long loanId, String note, String limitOverrideReason) {
        String checker = checker(cooperativeId, loanId);
        LoanBooking.requireNote(note, false);
        LoanBooking.requireNote(limitOverrideReason, false);
        Loan loan = loan(cooperativeId, loanId);
        boolean override = limitOverrideReason != null && !limitOverrideReason.isBlank();
        limits.requireWithinLimit(cooperativeId, loan.memberId(), loan.principal(), override);
        dsl.update(LOAN).set(LOAN.STATUS, LoanStatus.APPROVED.name()).set(LOAN.DECIDED_BY, checker)
                .set(LOAN.DECIDED_AT, Instant.now().atOffset(ZoneOffset.UTC)).set(LOAN.DECISION_NOTE, blankToNull(note))
                .set(LOAN.LIMIT_OVERRIDE_BY, override ? checker : null)
                .set(LOAN.LIMIT_OVERRIDE_REASON, override ? limitOverrideReason.strip() : null)
                .where(LOAN.ID.eq(loanId)).execute();
        return loan(cooperativeId, loanId);
    }

    @Transactional
    @PreAuthorize("@access.may('APPROVE_LOAN')")
    public Loan reject(long cooperativeId, long loanId, String reason) {
        String checker = checker(cooperativeId, loanId);
        LoanBooking.requireNote(reason, true);
        dsl.update(LOAN).set(LOAN.STATUS, LoanStatus.REJECTED.name()).set(LOAN.DECIDED_BY, checker)
                .set(LOAN.DECIDED_AT, Instant.now().atOffset(ZoneOffset.UTC)).set(LOAN.DECISION_NOTE, reason.strip())
                .where(LOAN.ID.eq(loanId)).execute();
        return loan(cooperativeId, loanId);
    }

    /** The signed-in person deciding on a pending application: a person, not the one who entered it. */
    private String checker(long cooperativeId, long loanId) {
        String checker = CurrentActor.name();
        booking.lock(cooperativeId, loanId);
        Loan loan = loan(cooperativeId, loanId);
        if (loan.status() != LoanStatus.APPLIED) {
            throw DomainException.conflict("loans.status", loan.number(), loan.status().name());
        }
        requireSecondPerson(checker, loan.appliedBy());
        return checker;
    }

    /** Maker-checker: a decision is a person's (an API token can be minted with any role), never the maker's. */
    static void requireSecondPerson(String checker, String maker) {
        if (ApiTokens.isToken(checker)) {
            throw DomainException.forbidden("loans.person-only");
        }
        if (checker.equals(maker)) {
            throw DomainException.forbidden("loans.same-person");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- disbursement ------------------------------------------------------------------------------

    /**
     * Pays out an approved loan: the schedule is computed from the disbursement date, the loan's sub-account
     * opened and debited with the financed principal (fees added to the loan included), the borrower paid the
     * principal less the fees deducted, fee income credited with all fees. The lending limit is checked again
     * under the borrower's lock; the required savings must be on the linked account, locked against withdrawals.
     */
    @Transactional
    @PreAuthorize("@access.may('DISBURSE_LOAN')")
    public LoanTransaction disburse(long cooperativeId, long loanId, Disbursement d) {
        DomainException.require(d != null && d.channel() != null && d.channel().enteredByStaff(), "loans.channel.missing");
        booking.lock(cooperativeId, loanId);
        Optional<LoanTransaction> replayed = booking.replay(cooperativeId, loanId, LoanTransaction.Kind.DISBURSEMENT, d.idempotencyKey());
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Loan loan = loan(cooperativeId, loanId);
        if (loan.status() != LoanStatus.APPROVED) {
            throw DomainException.conflict("loans.status", loan.number(), loan.status().name());
        }
        booking.requireValueDate(cooperativeId, d.valueDate(), null);
        limits.requireWithinLimit(cooperativeId, loan.memberId(), loan.principal(), loan.limitOverrideBy() != null);
        String currency = loan.currency();
        BigDecimal financed = Fee.financedPrincipal(loan.principal(), currency, loan.terms().fees());
        BigDecimal net = Fee.netDisbursed(loan.principal(), currency, loan.terms().fees());
        Schedule schedule = ScheduleCalculator.schedule(loan.terms().terms(financed, currency, d.valueDate(), loan.firstDueDate()));
        String payee = payee(cooperativeId, loan, d.channel(), net);
        Account subAccount = openSubAccount(cooperativeId, loan);
        List<PostingLine> lines = new ArrayList<>(List.of(PostingLine.debit(subAccount.code(), financed),
                PostingLine.credit(payee, net)));
        BigDecimal fees = financed.subtract(net);
        if (fees.signum() > 0) {
            lines.add(PostingLine.credit(booking.code(cooperativeId, LoanAccountRole.LOAN_FEE_INCOME), fees));
        }
        LoanTransaction t = booking.book(loan, new LoanBooking.Event(LoanTransaction.Kind.DISBURSEMENT, d.channel(),
                d.channel() == Channel.SAVINGS ? loan.savingsAccountId() : null, d.valueDate(),
                new LoanBooking.Parts(net, financed, zero(currency), fees, zero(currency)), financed, lines,
                Precondition.NONE, d.idempotencyKey(), null));
        dsl.update(LOAN).set(LOAN.STATUS, LoanStatus.ACTIVE.name()).set(LOAN.DISBURSED_BY, CurrentActor.name())
                .set(LOAN.DISBURSED_AT, Instant.now().atOffset(ZoneOffset.UTC)).set(LOAN.DISBURSED_ON, d.valueDate())
                .set(LOAN.SCHEDULE_START, d.valueDate()).set(LOAN.LEDGER_ACCOUNT_ID, subAccount.id())
                .where(LOAN.ID.eq(loanId)).execute();
        LoanRows.insertSchedule(dsl, cooperativeId, loanId, 1, schedule);
        return t;
    }

    /**
     * Where the money goes: the cash box, or the linked savings account. With required savings the linked
     * account's row is locked first (withdrawals lock it too, see SavingsService) and must hold them.
     */
    private String payee(long cooperativeId, Loan loan, Channel channel, BigDecimal net) {
        DomainException.require(channel == Channel.CASH || loan.savingsAccountId() != null, "loans.savings.required");
        if (loan.savingsAccountId() == null) {
            return booking.cash(cooperativeId);
        }
        dsl.select(SAVINGS_ACCOUNT.ID).from(SAVINGS_ACCOUNT).where(SAVINGS_ACCOUNT.ID.eq(loan.savingsAccountId()))
                .forNoKeyUpdate().fetch();
        SavingsAccount account = savings.account(cooperativeId, loan.savingsAccountId());
        BigDecimal after = account.balance().add(channel == Channel.SAVINGS ? net : BigDecimal.ZERO);
        DomainException.require(after.compareTo(loan.requiredSavings()) >= 0, "loans.required-savings.short",
                loan.requiredSavings().toPlainString(), account.balance().toPlainString());
        return channel == Channel.SAVINGS ? account.number() : booking.cash(cooperativeId);
    }

    /** The loan's own sub-account of the portfolio, named by the loan number ("1300.00042-01"). */
    private Account openSubAccount(long cooperativeId, Loan loan) {
        Account parent = chart.account(cooperativeId, LoanAccountRole.LOAN_PORTFOLIO);
        Member m = members.member(cooperativeId, loan.memberId());
        String label = " " + loan.number().substring(loan.number().indexOf('.') + 1) + " — " + m.fullName();
        return chart.open(cooperativeId, new NewAccount(loan.number(), cut(parent.nameEn() + label), cut(parent.nameId() + label),
                AccountType.ASSET, parent.code(), loan.currency(), false, m.id(), false, true));
    }

    private static String cut(String name) {
        return name.length() <= 120 ? name : name.substring(0, 120);
    }

    static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(Amounts.minorUnits(currency));
    }
}
