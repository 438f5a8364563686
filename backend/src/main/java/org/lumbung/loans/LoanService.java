package org.lumbung.loans;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.db.jooq.tables.records.LoanRecord;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.lumbung.db.jooq.Tables.APP_USER;
import static org.lumbung.db.jooq.Tables.LOAN;
import static org.lumbung.db.jooq.Tables.LOAN_GUARANTOR;
import static org.lumbung.db.jooq.Tables.LOAN_INSTALMENT;
import static org.lumbung.db.jooq.Tables.LOAN_TRANSACTION;
import static org.lumbung.db.jooq.Tables.MEMBER;

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

    /** The most loans one page of a list holds. */
    public static final int MAX_PAGE = 500;
    /** The most loans one group call applies for, approves or disburses (a group lending day, an import). */
    public static final int MAX_GROUP = 500;
    public static final int MAX_GUARANTORS = 5;
    public static final int MAX_PURPOSE = 300;
    /** The longest note, reason or collateral description a loan keeps. */
    public static final int MAX_NOTE = LoanBooking.MAX_NOTE;
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

    /** A page of the cooperative's loans in a status (the approval queue: APPLIED), latest first. */
    @PreAuthorize("@access.may('READ_LOANS')")
    public List<Loan> loansIn(long cooperativeId, LoanStatus status, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= MAX_PAGE, "page.invalid", MAX_PAGE);
        return LoanRows.loans(dsl, inStatus(cooperativeId, status), offset, limit);
    }

    /** How many loans the cooperative has in a status: the pages' total. */
    @PreAuthorize("@access.may('READ_LOANS')")
    public int countIn(long cooperativeId, LoanStatus status) {
        return dsl.fetchCount(LOAN, inStatus(cooperativeId, status));
    }

    private static Condition inStatus(long cooperativeId, LoanStatus status) {
        DomainException.require(status != null, "loans.status.missing");
        return LOAN.COOPERATIVE_ID.eq(cooperativeId).and(LOAN.STATUS.eq(status.name()));
    }

    /** The borrowers' names of listed loans, by member id, in one query: a list of loans must not ask per row. */
    @PreAuthorize("@access.may('READ_LOANS')")
    public Map<Long, String> borrowerNames(long cooperativeId, List<Loan> listed) {
        return dsl.select(MEMBER.ID, MEMBER.FULL_NAME)
                .from(MEMBER)
                .where(MEMBER.COOPERATIVE_ID.eq(cooperativeId)
                        .and(MEMBER.ID.in(listed.stream().map(Loan::memberId).distinct().toList())))
                .fetchMap(MEMBER.ID, MEMBER.FULL_NAME);
    }

    /** The loan's current schedule (or an earlier version, kept after a rescheduling). */
    public List<LoanInstalment> schedule(long cooperativeId, long loanId, @Nullable Integer version) {
        Loan loan = loan(cooperativeId, loanId);
        int v = version == null ? loan.scheduleVersion() : version;
        DomainException.require(v >= 1 && v <= loan.scheduleVersion(), "loans.schedule.version", loan.scheduleVersion());
        return LoanRows.instalments(dsl, loanId, v, loan.currency());
    }

    /**
     * What each of the loans owes by the date: its current schedule's instalments due by then, penalties charged
     * included (the collection sheet of a repayment meeting), by loan, in one query; a loan that is not active or
     * owes nothing by then is left out.
     */
    @PreAuthorize("@access.may('READ_LOANS')")
    public Map<Long, BigDecimal> dueBy(long cooperativeId, List<Long> loanIds, LocalDate date) {
        requireGroup(loanIds);
        DomainException.require(date != null, "ledger.value-date.missing");
        Field<BigDecimal> owed = DSL.sum(LOAN_INSTALMENT.PRINCIPAL_DUE.minus(LOAN_INSTALMENT.PRINCIPAL_PAID)
                .plus(LOAN_INSTALMENT.INTEREST_DUE).minus(LOAN_INSTALMENT.INTEREST_PAID).minus(LOAN_INSTALMENT.INTEREST_WAIVED)
                .plus(LOAN_INSTALMENT.FEE_DUE).minus(LOAN_INSTALMENT.FEE_PAID)
                .plus(LOAN_INSTALMENT.PENALTY_DUE).minus(LOAN_INSTALMENT.PENALTY_PAID));
        Map<Long, BigDecimal> due = new LinkedHashMap<>();
        dsl.select(LOAN.ID, LOAN.CURRENCY, owed).from(LOAN).join(LOAN_INSTALMENT)
                .on(LOAN_INSTALMENT.LOAN_ID.eq(LOAN.ID).and(LOAN_INSTALMENT.SCHEDULE_VERSION.eq(LOAN.SCHEDULE_VERSION)))
                .where(LOAN.COOPERATIVE_ID.eq(cooperativeId).and(LOAN.ID.in(loanIds)).and(LOAN.STATUS.eq(LoanStatus.ACTIVE.name()))
                        .and(LOAN_INSTALMENT.DUE_DATE.le(date))
                        .and(LOAN_INSTALMENT.STATE.in(LoanInstalment.State.DUE.name(), LoanInstalment.State.OVERDUE.name())))
                .groupBy(LOAN.ID, LOAN.CURRENCY).having(owed.gt(BigDecimal.ZERO)).orderBy(LOAN.ID)
                .forEach(r -> due.put(r.value1(), Amounts.normalise(r.value3(), r.value2())));
        return due;
    }

    /** The loan, which must be active (disbursed, not yet closed or written off). */
    Loan active(long cooperativeId, long loanId) {
        return requireActive(loan(cooperativeId, loanId));
    }

    /** The loans, which must all be active, in the order given (read in one query, each as {@link #loan} answers it). */
    List<Loan> activeAll(long cooperativeId, List<Long> loanIds) {
        List<Loan> loans = loaded(cooperativeId, loanIds);
        loans.forEach(LoanService::requireActive);
        return loans;
    }

    private static Loan requireActive(Loan loan) {
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
        return applyAll(cooperativeId, List.of(a)).get(0);
    }

    /**
     * A group's applications in one transaction (a group lending day; the close-of-business benchmark's
     * loans): each checked exactly as {@link #apply} checks one ({@code apply} is a group of one), what they
     * share — products, members, the business date, the borrowers' locks, their open loans — read once. All
     * or none; a replayed key answers the loan it made.
     */
    @Transactional
    @PreAuthorize("@access.may('APPLY_LOAN')")
    public List<Loan> applyAll(long cooperativeId, List<LoanApplication> applications) {
        requireGroup(applications);
        List<String> keys = new ArrayList<>();
        for (LoanApplication a : applications) {
            DomainException.require(a != null, "loans.application.missing");
            LoanBooking.requireKey(a.idempotencyKey());
            // before any member is read: a hostile list of guarantors is refused by its size
            DomainException.require(a.guarantorIds().size() <= MAX_GUARANTORS
                    && new HashSet<>(a.guarantorIds()).size() == a.guarantorIds().size(), "loans.guarantor.count", MAX_GUARANTORS);
            keys.add(a.idempotencyKey());
        }
        DomainException.require(new HashSet<>(keys).size() == keys.size(), "loans.group.duplicate");
        Map<String, Loan> earlier = byKey(cooperativeId, keys);
        List<LoanApplication> fresh = applications.stream().filter(a -> !earlier.containsKey(a.idempotencyKey())).toList();
        if (!fresh.isEmpty()) {
            Shared shared = new Shared(cooperativeId, fresh);
            List<Checked> checked = fresh.stream().map(shared::check).toList();
            requireRoom(cooperativeId, checked);
            insert(cooperativeId, checked);
        }
        Map<String, Loan> made = byKey(cooperativeId, keys);
        return applications.stream().map(a -> earlier.containsKey(a.idempotencyKey())
                ? sameApplication(earlier.get(a.idempotencyKey()), a) : made.get(a.idempotencyKey())).toList();
    }

    static void requireGroup(List<?> group) {
        DomainException.require(group != null && !group.isEmpty() && group.size() <= MAX_GROUP, "loans.group.size", MAX_GROUP);
    }

    private Map<String, Loan> byKey(long cooperativeId, List<String> keys) {
        Map<Long, String> keyOf = dsl.select(LOAN.ID, LOAN.APPLICATION_KEY).from(LOAN)
                .where(LOAN.COOPERATIVE_ID.eq(cooperativeId).and(LOAN.APPLICATION_KEY.in(keys))).fetchMap(LOAN.ID, LOAN.APPLICATION_KEY);
        Map<String, Loan> loans = new HashMap<>();
        if (!keyOf.isEmpty()) {
            for (Loan l : LoanRows.loans(dsl, LOAN.ID.in(keyOf.keySet()))) {
                access.requireMemberRecord(l.memberId());
                loans.put(keyOf.get(l.id()), l);
            }
        }
        return loans;
    }

    /** An application that passed its own checks, with what it was checked against. */
    private record Checked(LoanApplication a, LoanProduct product, Member member, BigDecimal amount, BigDecimal required,
                           @Nullable SavingsAccount linked) {
    }

    /** What a group's applications share, read once: the business date, their products, members and officers. */
    private final class Shared {
        private final long cooperativeId;
        private final LocalDate business;
        private final Map<Long, Member> members;
        private final Map<Long, LoanProduct> products = new HashMap<>();
        private final Map<String, Boolean> officers = new HashMap<>();

        Shared(long cooperativeId, List<LoanApplication> applications) {
            this.cooperativeId = cooperativeId;
            this.business = businessDate.of(cooperativeId);
            Set<Long> ids = new HashSet<>();
            applications.forEach(a -> {
                ids.add(a.memberId());
                ids.addAll(a.guarantorIds());
            });
            this.members = LoanService.this.members.members(cooperativeId, ids);
        }

        Member member(long id) {
            Member m = members.get(id);
            if (m == null) {
                throw DomainException.notFound("member.not-found", id);
            }
            return m;
        }

        /** One application's own checks, in the order a single application always had them. */
        Checked check(LoanApplication a) {
            LoanProduct product = products.computeIfAbsent(a.productId(), id -> LoanService.this.products.product(cooperativeId, id));
            DomainException.require(product.active(), "loans.product.inactive", product.code());
            Member member = member(a.memberId());
            DomainException.require(member.status() == MemberStatus.ACTIVE, "loans.member.not-active", member.displayNumber());
            BigDecimal amount = checkedAmount(product, a);
            checkDetails(this, a);
            BigDecimal required = Amounts.round(amount.multiply(product.requiredSavingsPercent()).divide(HUNDRED), product.currency());
            SavingsAccount linked = linkedSavings(cooperativeId, member.id(), a.savingsAccountId(), required.signum() > 0);
            return new Checked(a, product, member, amount, required, linked);
        }

        boolean officer(String name) {
            return officers.computeIfAbsent(name, n -> dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(n)
                    .and(APP_USER.ENABLED.isTrue()).and(APP_USER.COOPERATIVE_ID.eq(cooperativeId)
                            .and(APP_USER.ROLE.in("TREASURER", "CHAIR")).or(APP_USER.ROLE.eq("ADMIN")))));
        }
    }

    /**
     * Under the borrowers' locks (taken in id order): each borrower's open loans, with the group's own counted as
     * they come, within the product's limit, and the required savings on the linked account.
     */
    private void requireRoom(long cooperativeId, List<Checked> checked) {
        List<Long> borrowers = checked.stream().map(c -> c.member().id()).toList();
        limits.lockBorrowers(cooperativeId, borrowers);
        Map<Long, Integer> open = new HashMap<>(dsl.select(LOAN.MEMBER_ID, DSL.count()).from(LOAN)
                .where(LOAN.MEMBER_ID.in(borrowers).and(LOAN.COOPERATIVE_ID.eq(cooperativeId))
                        .and(LOAN.STATUS.in(LoanStatus.APPLIED.name(), LoanStatus.APPROVED.name(), LoanStatus.ACTIVE.name())))
                .groupBy(LOAN.MEMBER_ID).fetchMap(LOAN.MEMBER_ID, DSL.count()));
        Map<Long, BigDecimal> free = new HashMap<>(); // per linked account, less what the group's earlier loans hold
        for (Checked c : checked) {
            int before = open.merge(c.member().id(), 1, Integer::sum) - 1;
            DomainException.require(before < c.product().maxActiveLoans(), "loans.member.too-many-loans", c.product().maxActiveLoans());
            if (c.linked() != null && c.required().signum() > 0) {
                BigDecimal unheld = free.computeIfAbsent(c.linked().id(), id -> savings.unheld(cooperativeId, id));
                DomainException.require(unheld.compareTo(c.required()) >= 0, "loans.required-savings.short",
                        c.required().toPlainString(), unheld.max(BigDecimal.ZERO).toPlainString());
                free.put(c.linked().id(), unheld.subtract(c.required()));
            }
        }
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

    private void checkDetails(Shared shared, LoanApplication a) {
        DomainException.require(a.purposeCategory() != null, "loans.application.purpose-category");
        DomainException.require(a.purpose() != null && !a.purpose().isBlank() && a.purpose().length() <= MAX_PURPOSE,
                "loans.application.purpose", MAX_PURPOSE);
        DomainException.require(a.collateralNotes() == null || a.collateralNotes().length() <= LoanBooking.MAX_NOTE,
                "loans.note.too-long", LoanBooking.MAX_NOTE);
        // against the business date, not the wall clock: back-dated history is booked on its own timeline
        DomainException.require(a.firstDueDate().isAfter(shared.business), "loans.application.first-due-past", a.firstDueDate(),
                shared.business);
        DomainException.require(a.loanOfficer() != null && shared.officer(a.loanOfficer()),
                "loans.application.officer", String.valueOf(a.loanOfficer()));
        for (Long g : a.guarantorIds()) {
            DomainException.require(g != null && g != a.memberId(), "loans.guarantor.self");
            Member guarantor = shared.member(g);
            DomainException.require(guarantor.status() == MemberStatus.ACTIVE, "loans.guarantor.not-active",
                    guarantor.displayNumber());
        }
    }

    /** The borrower's own active voluntary account, when one is given or the product requires savings. */
    private @Nullable SavingsAccount linkedSavings(long cooperativeId, long memberId, @Nullable Long accountId, boolean required) {
        DomainException.require(accountId != null || !required, "loans.savings.required");
        if (accountId == null) {
            return null;
        }
        SavingsAccount account = savings.account(cooperativeId, accountId);
        DomainException.require(account.memberId() == memberId && account.kind() == SavingsKind.VOLUNTARY && account.active(),
                "loans.savings.not-linkable", account.number());
        return account;
    }

    /** The group's loans in one insert, numbered per borrower in the order applied, and their guarantors. */
    private void insert(long cooperativeId, List<Checked> checked) {
        String portfolio = booking.code(cooperativeId, LoanAccountRole.LOAN_PORTFOLIO);
        Map<Long, Integer> serials = new HashMap<>(dsl.select(LOAN.MEMBER_ID, DSL.count()).from(LOAN)
                .where(LOAN.MEMBER_ID.in(checked.stream().map(c -> c.member().id()).toList()))
                .groupBy(LOAN.MEMBER_ID).fetchMap(LOAN.MEMBER_ID, DSL.count()));
        InsertSetMoreStep<LoanRecord> insert = null;
        for (Checked c : checked) {
            int serial = serials.merge(c.member().id(), 1, Integer::sum);
            LoanRecord r = row(cooperativeId, c, "%s.%05d-%02d".formatted(portfolio, c.member().memberNumber(), serial));
            insert = insert == null ? dsl.insertInto(LOAN).set(r) : insert.newRecord().set(r);
        }
        Map<String, Long> ids = Objects.requireNonNull(insert, "a group has at least one loan")
                .returning(LOAN.ID, LOAN.APPLICATION_KEY).fetchMap(LOAN.APPLICATION_KEY, LOAN.ID);
        var guarantors = dsl.insertInto(LOAN_GUARANTOR, LOAN_GUARANTOR.LOAN_ID, LOAN_GUARANTOR.COOPERATIVE_ID, LOAN_GUARANTOR.MEMBER_ID);
        boolean any = false;
        for (Checked c : checked) {
            for (Long guarantor : new HashSet<>(c.a().guarantorIds())) {
                guarantors = guarantors.values(ids.get(c.a().idempotencyKey()), cooperativeId, guarantor);
                any = true;
            }
        }
        if (any) {
            guarantors.execute();
        }
    }

    private LoanRecord row(long cooperativeId, Checked c, String number) {
        LoanApplication a = c.a();
        CopiedTerms t = CopiedTerms.of(c.product(), a.instalments());
        LoanRecord r = dsl.newRecord(LOAN);
        r.setCooperativeId(cooperativeId);
        r.setNumber(number);
        r.setMemberId(c.member().id());
        r.setProductId(c.product().id());
        r.setPurposeCategory(a.purposeCategory().name());
        r.setPurpose(a.purpose().strip());
        r.setPrincipal(c.amount());
        r.setCurrency(c.product().currency());
        r.setInterestMethod(t.method().name());
        r.setInterestRate(t.ratePercent());
        r.setRatePeriod(t.ratePeriod().name());
        r.setFrequency(t.frequency().name());
        r.setInstalments(t.instalments());
        r.setGracePrincipal(t.graceOnPrincipal());
        r.setGraceInterest(t.graceOnInterest());
        r.setDayCount(t.dayCount().name());
        r.setInstalmentRounding(t.instalmentRounding());
        r.setFeeKind(t.fee() == null ? "NONE" : t.fee().kind().name());
        r.setFeeValue(t.fee() == null ? BigDecimal.ZERO : t.fee().value());
        r.setFeeTiming(t.fee() == null ? "DEDUCTED_AT_DISBURSEMENT" : t.fee().timing().name());
        r.setPenaltyKind(t.penalty() == null ? "NONE" : t.penalty().kind().name());
        r.setPenaltyValue(t.penalty() == null ? BigDecimal.ZERO : t.penalty().value());
        r.setPenaltyGraceDays(t.penalty() == null ? 0 : t.penalty().graceDays());
        r.setPenaltyCap(t.penalty() == null ? null : t.penalty().cap());
        r.setAllocationOrder(t.allocationOrder().name());
        r.setPrepaymentRule(t.prepaymentRule().name());
        r.setAccruesInterest(t.accruesInterest());
        r.setRequiredSavings(c.required());
        r.setFirstDueDate(a.firstDueDate());
        r.setLoanOfficer(a.loanOfficer());
        r.setSavingsAccountId(a.savingsAccountId());
        r.setCollateralNotes(blankToNull(a.collateralNotes()));
        r.setApplicationKey(a.idempotencyKey());
        r.setAppliedBy(CurrentActor.name());
        return r;
    }

    // --- decision ----------------------------------------------------------------------------------

    /**
     * Approves someone else's application. Beyond the legal lending limit only with {@code limitOverrideReason}:
     * the approver (the chair) overrides it, and the reason is kept on the loan.
     */
    @Transactional
    @PreAuthorize("@access.may('APPROVE_LOAN')")
    public Loan approve(long cooperativeId, long loanId, @Nullable String note, @Nullable String limitOverrideReason) {
        return approveAll(cooperativeId, List.of(loanId), note, limitOverrideReason).get(0);
    }

    /**
     * The loan committee approves a group's applications at once, each exactly as {@link #approve} approves
     * one ({@code approve} is a group of one): all or none. Without an override reason, one loan beyond the
     * lending limit refuses the group; it is then approved on its own with a reason.
     */
    @Transactional
    @PreAuthorize("@access.may('APPROVE_LOAN')")
    public List<Loan> approveAll(long cooperativeId, List<Long> loanIds, @Nullable String note, @Nullable String limitOverrideReason) {
        requireGroup(loanIds);
        String checker = CurrentActor.name();
        List<Loan> loans = pending(cooperativeId, loanIds, checker);
        LoanBooking.requireNote(note, false);
        LoanBooking.requireNote(limitOverrideReason, false);
        String overrideReason = blankToNull(limitOverrideReason);
        boolean override = overrideReason != null;
        LendingLimits.Exposures exposures = limits.lockAndRead(cooperativeId, loans.stream().map(Loan::memberId).toList());
        loans.forEach(l -> {
            exposures.require(l.memberId(), l.principal(), override);
            exposures.add(l.memberId(), l.principal()); // a borrower's second loan of the group counts the first
        });
        dsl.update(LOAN).set(LOAN.STATUS, LoanStatus.APPROVED.name()).set(LOAN.DECIDED_BY, checker)
                .set(LOAN.DECIDED_AT, Instant.now().atOffset(ZoneOffset.UTC)).set(LOAN.DECISION_NOTE, blankToNull(note))
                .set(LOAN.LIMIT_OVERRIDE_BY, override ? checker : null)
                .set(LOAN.LIMIT_OVERRIDE_REASON, overrideReason)
                .where(LOAN.ID.in(loanIds)).execute();
        return loaded(cooperativeId, loanIds);
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
        pending(cooperativeId, List.of(loanId), checker);
        return checker;
    }

    /** A group's applications, locked, each still waiting for a decision and entered by someone else. */
    private List<Loan> pending(long cooperativeId, List<Long> loanIds, String checker) {
        DomainException.require(new HashSet<>(loanIds).size() == loanIds.size(), "loans.group.duplicate");
        booking.lockAll(cooperativeId, loanIds);
        List<Loan> loans = loaded(cooperativeId, loanIds);
        for (Loan loan : loans) {
            if (loan.status() != LoanStatus.APPLIED) {
                throw DomainException.conflict("loans.status", loan.number(), loan.status().name());
            }
            requireSecondPerson(checker, loan.appliedBy());
        }
        return loans;
    }

    /** The group's loans in the order given (each one as {@link #loan} answers it). */
    private List<Loan> loaded(long cooperativeId, List<Long> loanIds) {
        Map<Long, Loan> byId = new HashMap<>();
        for (Loan l : LoanRows.loans(dsl, LOAN.ID.in(loanIds).and(LOAN.COOPERATIVE_ID.eq(cooperativeId)))) {
            access.requireMemberRecord(l.memberId());
            byId.put(l.id(), l);
        }
        return loanIds.stream().map(id -> {
            Loan l = byId.get(id);
            if (l == null) {
                throw DomainException.notFound("loans.loan.not-found", id);
            }
            return l;
        }).toList();
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

    private static @Nullable String blankToNull(@Nullable String s) {
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
        return disburse(cooperativeId, new LinkedHashMap<>(Map.of(loanId, String.valueOf(d.idempotencyKey()))), d).get(0);
    }

    /**
     * A group's approved loans paid out on one date through one channel (a group lending day; the benchmark's
     * loans), each exactly as {@link #disburse} pays one ({@code disburse} is a group of one): the entries go
     * through the ledger's batch path in one pipeline run, the rows in a few statements. Each loan's key is the
     * group's key and its id ({@code key:loanId}); a replayed group answers what it booked. All or none.
     */
    @Transactional
    @PreAuthorize("@access.may('DISBURSE_LOAN')")
    public List<LoanTransaction> disburseAll(long cooperativeId, List<Long> loanIds, Disbursement group) {
        DomainException.require(group != null && group.channel() != null && group.channel().enteredByStaff(), "loans.channel.missing");
        requireGroup(loanIds);
        LoanBooking.requireKey(group.idempotencyKey());
        DomainException.require(new HashSet<>(loanIds).size() == loanIds.size(), "loans.group.duplicate");
        LinkedHashMap<Long, String> keys = new LinkedHashMap<>();
        loanIds.forEach(id -> keys.put(id, group.idempotencyKey() + ":" + id));
        return disburse(cooperativeId, keys, group);
    }

    private List<LoanTransaction> disburse(long cooperativeId, LinkedHashMap<Long, String> keys, Disbursement d) {
        booking.lockAll(cooperativeId, keys.keySet());
        Map<Long, LoanTransaction> replayed = booking.replays(cooperativeId, keys, LoanTransaction.Kind.DISBURSEMENT);
        List<Loan> loans = loaded(cooperativeId, keys.keySet().stream().filter(id -> !replayed.containsKey(id)).toList());
        if (!loans.isEmpty()) {
            for (Loan loan : loans) {
                if (loan.status() != LoanStatus.APPROVED) {
                    throw DomainException.conflict("loans.status", loan.number(), loan.status().name());
                }
            }
            booking.requireValueDate(cooperativeId, d.valueDate(), null);
            List<Long> borrowers = loans.stream().map(Loan::memberId).toList();
            LendingLimits.Exposures exposures = limits.lockAndRead(cooperativeId, borrowers);
            Payouts payouts = new Payouts(cooperativeId, d, members.members(cooperativeId, borrowers));
            loans.forEach(loan -> payouts.add(loan, Objects.requireNonNull(keys.get(loan.id())), exposures));
            payouts.book().forEach(t -> replayed.put(t.loanId(), t));
        }
        return keys.keySet().stream().map(replayed::get).toList();
    }

    /** A group's payouts: each loan's entry, its schedule and its sub-account, booked together. */
    private final class Payouts {
        private final long cooperativeId;
        private final Disbursement d;
        private final Map<Long, Member> borrowers;
        private final Account parent;
        private final List<Loan> loans = new ArrayList<>();
        private final List<LoanBooking.Event> events = new ArrayList<>();
        private final Map<Long, Schedule> schedules = new LinkedHashMap<>();
        private final Map<Long, Long> subAccounts = new HashMap<>();

        Payouts(long cooperativeId, Disbursement d, Map<Long, Member> borrowers) {
            this.cooperativeId = cooperativeId;
            this.d = d;
            this.borrowers = borrowers;
            this.parent = chart.account(cooperativeId, LoanAccountRole.LOAN_PORTFOLIO);
        }

        /** One loan: the limit checked (its earlier loans in the group counted), the schedule, payee and lines. */
        void add(Loan loan, String key, LendingLimits.Exposures exposures) {
            exposures.require(loan.memberId(), loan.principal(), loan.limitOverrideBy() != null);
            String currency = loan.currency();
            BigDecimal financed = Fee.financedPrincipal(loan.principal(), currency, loan.terms().fees());
            BigDecimal net = Fee.netDisbursed(loan.principal(), currency, loan.terms().fees());
            schedules.put(loan.id(), ScheduleCalculator.schedule(loan.terms().terms(financed, currency, d.valueDate(), loan.firstDueDate())));
            String payee = payee(cooperativeId, loan, d.channel(), net);
            Account subAccount = openSubAccount(cooperativeId, loan, parent,
                    Objects.requireNonNull(borrowers.get(loan.memberId()), "every borrower was read"));
            subAccounts.put(loan.id(), subAccount.id());
            List<PostingLine> lines = new ArrayList<>(List.of(PostingLine.debit(subAccount.code(), financed),
                    PostingLine.credit(payee, net)));
            BigDecimal fees = financed.subtract(net);
            if (fees.signum() > 0) {
                lines.add(PostingLine.credit(booking.code(cooperativeId, LoanAccountRole.LOAN_FEE_INCOME), fees));
            }
            exposures.add(loan.memberId(), financed);
            loans.add(loan);
            events.add(new LoanBooking.Event(LoanTransaction.Kind.DISBURSEMENT, d.channel(),
                    d.channel() == Channel.SAVINGS ? loan.savingsAccountId() : null, d.valueDate(),
                    new LoanBooking.Parts(net, financed, zero(currency), fees, zero(currency)), financed, lines,
                    Precondition.NONE, key, null));
        }

        /** The entries posted together, the loans made active, their schedules written. */
        List<LoanTransaction> book() {
            List<LoanTransaction> booked = booking.bookAll(loans, events);
            String actor = CurrentActor.name();
            var now = Instant.now().atOffset(ZoneOffset.UTC);
            dsl.batch(loans.stream().map(loan -> dsl.update(LOAN).set(LOAN.STATUS, LoanStatus.ACTIVE.name())
                    .set(LOAN.DISBURSED_BY, actor).set(LOAN.DISBURSED_AT, now).set(LOAN.DISBURSED_ON, d.valueDate())
                    .set(LOAN.SCHEDULE_START, d.valueDate()).set(LOAN.LEDGER_ACCOUNT_ID, subAccounts.get(loan.id()))
                    .where(LOAN.ID.eq(loan.id()))).toList()).execute();
            LoanRows.insertSchedules(dsl, cooperativeId, 1, schedules);
            return booked;
        }
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
        // locks the account's row first; what the product's minimum and the borrower's other loans hold is not free
        BigDecimal free = savings.unheld(cooperativeId, loan.savingsAccountId());
        SavingsAccount account = savings.account(cooperativeId, loan.savingsAccountId());
        BigDecimal after = free.add(channel == Channel.SAVINGS ? net : BigDecimal.ZERO);
        DomainException.require(loan.requiredSavings().signum() == 0 || after.compareTo(loan.requiredSavings()) >= 0,
                "loans.required-savings.short", loan.requiredSavings().toPlainString(), free.max(BigDecimal.ZERO).toPlainString());
        return channel == Channel.SAVINGS ? account.number() : booking.cash(cooperativeId);
    }

    /** The loan's own sub-account of the portfolio, named by the loan number ("1300.00042-01"). */
    private Account openSubAccount(long cooperativeId, Loan loan, Account parent, Member m) {
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
