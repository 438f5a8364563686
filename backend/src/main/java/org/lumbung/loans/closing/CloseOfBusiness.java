package org.lumbung.loans.closing;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.AccountRole;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.loans.BusinessDate;
import org.lumbung.loans.LoanAccountRole;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The loans' close of business (Fineract's COB): closes one business date of a cooperative, then moves
 * its business date to the next day. A close is a fixed list of {@link #STEPS}, each committed on its own
 * short transaction together with the step's number in {@code loan_close_run}: a close killed halfway
 * resumes at the step after the last one committed, and a step's rows (unique per loan and date) and its
 * entry (one aggregate journal entry per step and date, with an idempotency key) are booked at most once.
 * Closing a date that is already closed answers its run and changes nothing. The cooperative's ledger
 * lock is held only while a step's entry is written, at the end of its transaction, never for a whole
 * close or catch-up, so tellers keep posting meanwhile.
 *
 * <p>Per-loan detail lives in the loan tables (instalment states and penalties, days past due, class,
 * {@code loan_penalty}, {@code loan_interest_accrual}); the ledger receives one balanced entry per step:
 * penalties (receivable / penalty income), accrued interest (receivable / interest income) and, on the
 * last day of a month, the allowance for loan losses adjusted to what the classes' rates ask for
 * (provision expense / allowance, or the reverse for a release).
 */
@Service
@PreAuthorize("@access.may('READ_LOANS')")
public class CloseOfBusiness {

    /** The steps of a close, in order; a run's {@code step} is the last one committed. */
    public static final List<String> STEPS = List.of("ARREARS", "PENALTIES", "ACCRUALS", "SNAPSHOT", "PROVISION");

    /** A catch-up closes at most this many days at once (a laptop off for more is caught up in several). */
    public static final int MAX_CATCH_UP_DAYS = 3_660;

    /** The most active loans a close inside a caller's transaction takes on ({@link #closeWithin}). */
    public static final int SMALL_BOOK = 2_000;

    private final DSLContext dsl;
    private final TransactionTemplate transaction;
    private final CooperativeService cooperatives;
    private final ChartOfAccounts chart;
    private final LedgerService ledger;
    private final CloseSettings settings;
    private final Clock clock;
    private final BusinessDate businessDate;

    public CloseOfBusiness(DSLContext dsl, TransactionTemplate transaction, CooperativeService cooperatives,
                           ChartOfAccounts chart, LedgerService ledger, CloseSettings settings, Clock clock,
                           BusinessDate businessDate) {
        this.businessDate = businessDate;
        this.dsl = dsl;
        this.transaction = transaction;
        this.cooperatives = cooperatives;
        this.chart = chart;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** The business date, the wall clock's today and the last close. */
    public CloseStatus status(long cooperativeId) {
        Cooperative c = cooperatives.byId(cooperativeId);
        LocalDate today = c.today(clock);
        LocalDate business = businessDate(c);
        return new CloseStatus(business, today, (int) Math.max(0, ChronoUnit.DAYS.between(business, today)), lastRun(cooperativeId));
    }

    /** The next date to close: the stored business date, or today for a cooperative that never closed. */
    public LocalDate businessDate(long cooperativeId) {
        return businessDate(cooperatives.byId(cooperativeId));
    }

    private LocalDate businessDate(Cooperative c) {
        return businessDate.of(c.id());
    }

    /**
     * Sets the first business date of a cooperative whose loans began before it ever closed (an import,
     * the sample's history); refused once a close has run.
     */
    @PreAuthorize("@access.may('MANAGE_LOAN_PRODUCTS')")
    public void start(long cooperativeId, LocalDate first) {
        Cooperative c = cooperatives.byId(cooperativeId);
        DomainException.require(first != null && !first.isAfter(c.today(clock)), "loans.close.date.future");
        transaction.executeWithoutResult(s -> {
            DomainException.require(!dsl.fetchExists(dsl.selectOne().from("loan_close_run").where("cooperative_id = ?", c.id())),
                    "loans.close.start.after-close");
            dsl.execute("insert into loan_business_date (cooperative_id, business_date) values (?, ?) on conflict (cooperative_id) "
                    + "do update set business_date = excluded.business_date, changed_at = now()", c.id(), first);
        });
    }

    /**
     * Closes the business date {@code date} (resuming a close that died), or answers the close of a date
     * already closed. Refused for a date after the business date (close the days before it first, see
     * {@link #catchUp}) and for a date after today.
     */
    @PreAuthorize("@access.may('RUN_LOAN_CLOSE')")
    public CloseRun close(long cooperativeId, LocalDate date) {
        requireOutsideTransaction();
        return closeDate(cooperativeId, date, true);
    }

    /**
     * Closes the business date as {@link #close} does, but inside the caller's transaction: the steps commit
     * with the caller's work instead of one by one (the sample's history closes each of its days among the
     * day's events: one commit per chunk of events, not six per day). Only for a book of at most
     * {@link #SMALL_BOOK} active loans: a large book's close must not hold one long transaction and the
     * ledger's lock with it. A close killed halfway rolls back with the caller's work and is run again whole;
     * since its steps commit together, the run's row is locked and its step set once, not once per step.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("@access.may('RUN_LOAN_CLOSE')")
    public CloseRun closeWithin(long cooperativeId, LocalDate date) {
        int active = dsl.fetchCount(dsl.selectOne().from("loan").where("cooperative_id = ? and status = 'ACTIVE'", cooperativeId));
        DomainException.require(active <= SMALL_BOOK, "loans.close.book-too-large", active, SMALL_BOOK);
        return closeDate(cooperativeId, date, false);
    }

    /** Closes the date: each step committed on its own ({@code stepByStep}), or all in the one transaction open. */
    private CloseRun closeDate(long cooperativeId, LocalDate date, boolean stepByStep) {
        Cooperative c = cooperatives.byId(cooperativeId);
        DomainException.require(date != null && !date.isAfter(c.today(clock)), "loans.close.date.future");
        Optional<CloseRun> earlier = run(cooperativeId, date);
        if (earlier.isPresent() && earlier.get().done()) {
            return earlier.get();
        }
        LocalDate business = businessDate(c);
        DomainException.require(earlier.isPresent() || date.equals(business), "loans.close.date.not-next", date, business);
        CollectibilityPolicy policy = settings.policy(cooperativeId);
        String actor = CurrentActor.name();
        transaction.executeWithoutResult(s -> {
            dsl.execute("insert into loan_business_date (cooperative_id, business_date) values (?, ?) on conflict do nothing",
                    c.id(), date);
            dsl.execute("insert into loan_close_run (cooperative_id, business_date, started_by) values (?, ?, ?) "
                    + "on conflict do nothing", c.id(), date, actor);
        });
        if (stepByStep) {
            for (int step = 1; step <= STEPS.size(); step++) {
                int number = step;
                transaction.executeWithoutResult(s -> step(c, date, number, policy, actor));
            }
        } else {
            transaction.executeWithoutResult(s -> remainingSteps(c, date, policy, actor));
        }
        return run(cooperativeId, date).orElseThrow();
    }

    /**
     * Closes every day from the business date up to {@code until} in order (yesterday, for a laptop that
     * was off), each as {@link #close}, telling the progress after each; answers the last run.
     */
    @PreAuthorize("@access.may('RUN_LOAN_CLOSE')")
    public Optional<CloseRun> catchUp(long cooperativeId, LocalDate until, @Nullable CloseProgress progress) {
        Cooperative c = cooperatives.byId(cooperativeId);
        DomainException.require(until != null && !until.isAfter(c.today(clock)), "loans.close.date.future");
        LocalDate from = businessDate(c);
        long days = ChronoUnit.DAYS.between(from, until) + 1;
        DomainException.require(days <= MAX_CATCH_UP_DAYS, "loans.close.catch-up.too-long", MAX_CATCH_UP_DAYS);
        Optional<CloseRun> last = Optional.empty();
        for (int i = 0; i < days; i++) {
            LocalDate date = from.plusDays(i);
            last = Optional.of(close(cooperativeId, date));
            (progress == null ? CloseProgress.NONE : progress).closed(i + 1, (int) days, date);
        }
        return last;
    }

    /** One step in its transaction: skipped when a run before this one committed it. */
    private void step(Cooperative c, LocalDate date, int step, CollectibilityPolicy policy, String actor) {
        if (committedStep(c, date) >= step) {
            return;
        }
        work(c, date, step, policy, actor, new CloseSteps(dsl, c.id(), date, c.baseCurrency(), Amounts.minorUnits(c.baseCurrency())));
        committed(c, date, step);
    }

    /** The steps a run before this one did not commit, one after the other in the transaction open. */
    private void remainingSteps(Cooperative c, LocalDate date, CollectibilityPolicy policy, String actor) {
        int committed = committedStep(c, date);
        CloseSteps sql = new CloseSteps(dsl, c.id(), date, c.baseCurrency(), Amounts.minorUnits(c.baseCurrency()));
        for (int step = committed + 1; step <= STEPS.size(); step++) {
            work(c, date, step, policy, actor, sql);
        }
        if (committed < STEPS.size()) {
            committed(c, date, STEPS.size());
        }
    }

    /** The last step committed of the date's run, whose row stays locked until the transaction ends. */
    private int committedStep(Cooperative c, LocalDate date) {
        return dsl.fetchOne("select step from loan_close_run where cooperative_id = ? and business_date = ? for update",
                c.id(), date).get(0, Integer.class);
    }

    private void committed(Cooperative c, LocalDate date, int step) {
        dsl.execute("update loan_close_run set step = ? where cooperative_id = ? and business_date = ?", step, c.id(), date);
    }

    /** The work of one step: its rows and its entry. */
    private void work(Cooperative c, LocalDate date, int step, CollectibilityPolicy policy, String actor, CloseSteps sql) {
        switch (STEPS.get(step - 1)) {
            case "ARREARS" -> {
                int late = sql.arrears(policy);
                dsl.execute("update loan_close_run set overdue_loans = ?, loans = (select count(*) from loan where cooperative_id = ? "
                        + "and status = 'ACTIVE') where cooperative_id = ? and business_date = ?", late, c.id(), c.id(), date);
            }
            case "PENALTIES" -> {
                // charged to the instalments, recognised as income when paid (the repayment's split credits
                // LOAN_PENALTY_INCOME): penalties of late loans are too uncertain to book as income before
                BigDecimal total = sql.penalties();
                dsl.execute("update loan_close_run set penalties = ? where cooperative_id = ? and business_date = ?", total, c.id(), date);
            }
            case "ACCRUALS" -> {
                BigDecimal total = sql.accruals();
                post(c, date, "accruals", "LOAN_ACCRUAL " + date, LoanAccountRole.LOAN_INTEREST_RECEIVABLE,
                        LoanAccountRole.LOAN_INTEREST_INCOME, total, actor);
                dsl.execute("update loan_close_run set accrued = ? where cooperative_id = ? and business_date = ?", total, c.id(), date);
            }
            case "SNAPSHOT" -> {
                sql.snapshot(policy);
                sql.segments(policy);
            }
            case "PROVISION" -> {
                if (date.equals(date.withDayOfMonth(date.lengthOfMonth()))) {
                    provision(c, date, sql.requiredProvision(), actor);
                }
                finish(c, date);
            }
            default -> throw new IllegalStateException(STEPS.get(step - 1));
        }
    }

    /**
     * Adjusts the allowance for loan losses to the month-end requirement with one entry (more: provision
     * expense / allowance; less: the reverse). The allowance's balance is read now and checked again under
     * the ledger's locks, so an entry posted meanwhile (a write-off) refuses the step rather than leave
     * the allowance off; the close is then run again.
     */
    private void provision(Cooperative c, LocalDate date, BigDecimal required, String actor) {
        String allowance = chart.account(c.id(), LoanAccountRole.LOAN_LOSS_ALLOWANCE).code();
        BigDecimal held = chart.balanceWithDescendants(c.id(), allowance).negate(); // a contra-asset: its credit balance
        BigDecimal change = required.subtract(held);
        Long entryId = null;
        if (change.signum() != 0) {
            boolean more = change.signum() > 0;
            Precondition unchanged = balances -> DomainException.require(balances.before(allowance).negate().compareTo(held) == 0,
                    "loans.close.provision.moved");
            PostingResult r = post(c, date, "provision", "LOAN_PROVISION " + YearMonth.from(date),
                    more ? LoanAccountRole.LOAN_LOSS_PROVISION_EXPENSE : LoanAccountRole.LOAN_LOSS_ALLOWANCE,
                    more ? LoanAccountRole.LOAN_LOSS_ALLOWANCE : LoanAccountRole.LOAN_LOSS_PROVISION_EXPENSE,
                    change.abs(), actor, unchanged);
            entryId = r.entry().id();
        }
        dsl.execute("insert into loan_provision (cooperative_id, month, required, previous, journal_entry_id) values (?, ?, ?, ?, ?)",
                c.id(), date.withDayOfMonth(1), required, held.max(BigDecimal.ZERO), entryId);
    }

    private void finish(Cooperative c, LocalDate date) {
        dsl.execute("update loan_close_run set status = 'DONE', finished_at = now() where cooperative_id = ? and business_date = ?",
                c.id(), date);
        dsl.execute("update loan_business_date set business_date = ?, changed_at = now() where cooperative_id = ? and business_date = ?",
                date.plusDays(1), c.id(), date);
    }

    private void post(Cooperative c, LocalDate date, String what, String description, AccountRole debit, AccountRole credit,
                      BigDecimal amount, String actor) {
        if (amount.signum() > 0) {
            post(c, date, what, description, debit, credit, amount, actor, Precondition.NONE);
        }
    }

    private PostingResult post(Cooperative c, LocalDate date, String what, String description, AccountRole debit,
                               AccountRole credit, BigDecimal amount, String actor, Precondition rule) {
        BigDecimal rounded = Amounts.normalise(amount, c.baseCurrency());
        return ledger.post(new PostingRequest(c.id(), "loan-close:%s:%s".formatted(date, what), date, description,
                "LOAN_CLOSE", date.toString(), List.of(PostingLine.debit(chart.account(c.id(), debit).code(), rounded),
                PostingLine.credit(chart.account(c.id(), credit).code(), rounded)), actor), rule);
    }

    /** The close of a date, if one began. */
    public Optional<CloseRun> run(long cooperativeId, LocalDate date) {
        return dsl.fetchOptional("select * from loan_close_run where cooperative_id = ? and business_date = ?", cooperativeId, date)
                .map(CloseOfBusiness::toRun);
    }

    public Optional<CloseRun> lastRun(long cooperativeId) {
        return dsl.fetchOptional("select * from loan_close_run where cooperative_id = ? order by business_date desc limit 1",
                cooperativeId).map(CloseOfBusiness::toRun);
    }

    private static CloseRun toRun(Record r) {
        return new CloseRun(r.get("cooperative_id", Long.class), r.get("business_date", LocalDate.class),
                r.get("step", Integer.class), "DONE".equals(r.get("status", String.class)), r.get("started_by", String.class),
                r.get("started_at", OffsetDateTime.class), r.get("finished_at", OffsetDateTime.class),
                r.get("loans", Integer.class), r.get("overdue_loans", Integer.class), r.get("penalties", BigDecimal.class),
                r.get("accrued", BigDecimal.class));
    }

    private static void requireOutsideTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a close commits each step on its own: run it outside a transaction");
        }
    }
}
