package org.lumbung.loans;

import org.jooq.DSLContext;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.Precondition;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.LOAN;
import static org.lumbung.db.jooq.Tables.LOAN_TRANSACTION;

/**
 * What every loan event shares: the loan locked for the event, its idempotency key checked and replayed,
 * the journal entry posted through the ledger in the event's transaction and the loan transaction that
 * records it with its split.
 */
@Component
class LoanBooking {

    static final String KEY_PATTERN = "[A-Za-z0-9._:-]{8,80}";
    static final int MAX_NOTE = 500;

    private final DSLContext dsl;
    private final LedgerService ledger;
    private final ChartOfAccounts chart;
    private final CooperativeService cooperatives;
    private final Clock clock;

    LoanBooking(DSLContext dsl, LedgerService ledger, ChartOfAccounts chart, CooperativeService cooperatives, Clock clock) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.chart = chart;
        this.cooperatives = cooperatives;
        this.clock = clock;
    }

    /** The split of a money event: the amount and what it was made of. */
    record Parts(BigDecimal amount, BigDecimal principal, BigDecimal interest, BigDecimal fees, BigDecimal penalty) {
    }

    /** One loan event to record: its journal lines (none: no money moved) and what the loan owes after it. */
    record Event(LoanTransaction.Kind kind, Channel channel, Long savingsAccountId, LocalDate valueDate, Parts parts,
                 BigDecimal outstandingAfter, List<PostingLine> lines, Precondition rule, String key, String note) {
    }

    static void requireKey(String key) {
        DomainException.require(key != null && key.matches(KEY_PATTERN), "loans.key.missing");
    }

    /** Locks the loan for this event (every change of a loan takes this lock first) and reads it. */
    void lock(long cooperativeId, long loanId) {
        dsl.select(LOAN.ID).from(LOAN).where(LOAN.ID.eq(loanId).and(LOAN.COOPERATIVE_ID.eq(cooperativeId)))
                .forUpdate().fetchOptional().orElseThrow(() -> DomainException.notFound("loans.loan.not-found", loanId));
    }

    /** The transaction an idempotency key already made on this loan, if any; a key of another event is a conflict. */
    Optional<LoanTransaction> replay(long cooperativeId, long loanId, LoanTransaction.Kind kind, String key) {
        requireKey(key);
        Optional<LoanTransaction> earlier = LoanRows.transactions(dsl, LOAN_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId)
                .and(LOAN_TRANSACTION.IDEMPOTENCY_KEY.eq(key))).stream().findFirst();
        earlier.ifPresent(t -> {
            if (t.loanId() != loanId || t.kind() != kind) {
                throw DomainException.conflict("loans.key.used-elsewhere");
            }
        });
        return earlier;
    }

    /** Posts the event's entry (if money moved) and records the loan transaction, in the caller's transaction. */
    LoanTransaction book(Loan loan, Event e) {
        return record(loan, e, e.lines().isEmpty() ? null : post(loan, e));
    }

    private long post(Loan loan, Event e) {
        String description = "%s %s %s".formatted(e.kind().name(), loan.productCode(), loan.number());
        if (e.note() != null && !e.note().isBlank()) {
            description = (description + ": " + e.note().strip());
        }
        PostingRequest request = new PostingRequest(loan.cooperativeId(), "loans:" + e.key(), e.valueDate(),
                description.length() <= 200 ? description : description.substring(0, 200), "LOANS", loan.number(),
                e.lines(), CurrentActor.name());
        return ledger.post(request, e.rule()).entry().id();
    }

    /** Records the loan transaction of an event whose entry (if any) is already posted. */
    LoanTransaction record(Loan loan, Event e, Long entryId) {
        Parts p = e.parts();
        long id = dsl.insertInto(LOAN_TRANSACTION)
                .set(LOAN_TRANSACTION.COOPERATIVE_ID, loan.cooperativeId())
                .set(LOAN_TRANSACTION.LOAN_ID, loan.id())
                .set(LOAN_TRANSACTION.KIND, e.kind().name())
                .set(LOAN_TRANSACTION.CHANNEL, e.channel() == null ? "NONE" : e.channel().name())
                .set(LOAN_TRANSACTION.SAVINGS_ACCOUNT_ID, e.savingsAccountId())
                .set(LOAN_TRANSACTION.VALUE_DATE, e.valueDate())
                .set(LOAN_TRANSACTION.AMOUNT, p.amount())
                .set(LOAN_TRANSACTION.PRINCIPAL_PART, p.principal())
                .set(LOAN_TRANSACTION.INTEREST_PART, p.interest())
                .set(LOAN_TRANSACTION.FEE_PART, p.fees())
                .set(LOAN_TRANSACTION.PENALTY_PART, p.penalty())
                .set(LOAN_TRANSACTION.OUTSTANDING_AFTER, e.outstandingAfter())
                .set(LOAN_TRANSACTION.JOURNAL_ENTRY_ID, entryId)
                .set(LOAN_TRANSACTION.IDEMPOTENCY_KEY, e.key())
                .set(LOAN_TRANSACTION.NOTE, e.note() == null || e.note().isBlank() ? null : e.note().strip())
                .set(LOAN_TRANSACTION.RECORDED_BY, CurrentActor.name())
                .returning(LOAN_TRANSACTION.ID).fetchOne(LOAN_TRANSACTION.ID);
        return LoanRows.transactions(dsl, LOAN_TRANSACTION.ID.eq(id)).get(0);
    }

    /** The entry, posted in the cooperative, carries every one of the lines (another feature posted it). */
    void requireCarried(long cooperativeId, long entryId, List<PostingLine> lines) {
        List<String> posted = ledger.entry(cooperativeId, entryId).lines().stream()
                .map(l -> text(l.accountCode(), l.side(), l.amount())).toList();
        for (PostingLine l : lines) {
            if (!posted.contains(text(l.accountCode(), l.side(), l.amount()))) {
                throw DomainException.conflict("loans.linked.line-missing", entryId, l.accountCode());
            }
        }
    }

    private static String text(String code, org.lumbung.ledger.Side side, BigDecimal amount) {
        return code + " " + side + " " + amount.stripTrailingZeros().toPlainString();
    }

    /** The current database transaction's id: a linked repayment is recorded in the one that prepared it. */
    long transactionId() {
        return dsl.fetchOne("select txid_current()").get(0, Long.class);
    }

    /** The code of the account playing the role here (opened from the template if the chart predates it). */
    String code(long cooperativeId, LoanAccountRole role) {
        return chart.account(cooperativeId, role).code();
    }

    String cash(long cooperativeId) {
        return chart.code(cooperativeId, org.lumbung.ledger.LedgerAccountRole.CASH);
    }

    /** A value date may not lie in the future nor before the event it follows. */
    void requireValueDate(long cooperativeId, LocalDate valueDate, LocalDate notBefore) {
        DomainException.require(valueDate != null, "ledger.value-date.missing");
        LocalDate today = cooperatives.byId(cooperativeId).today(clock);
        DomainException.require(!valueDate.isAfter(today), "loans.value-date.future", valueDate);
        DomainException.require(notBefore == null || !valueDate.isBefore(notBefore), "loans.value-date.too-early",
                valueDate, notBefore);
    }

    static void requireNote(String note, boolean required) {
        DomainException.require(note == null || note.length() <= MAX_NOTE, "loans.note.too-long", MAX_NOTE);
        DomainException.require(!required || (note != null && !note.isBlank()), "loans.reason.missing");
    }
}
