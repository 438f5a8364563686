package org.lumbung.loans;

import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.db.jooq.tables.records.LoanTransactionRecord;
import org.lumbung.ledger.ChartOfAccounts;
import org.lumbung.ledger.GuardedPosting;
import org.lumbung.ledger.LedgerAccountRole;
import org.lumbung.ledger.LedgerService;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingRequest;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.ledger.Side;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    record Event(LoanTransaction.Kind kind, @Nullable Channel channel, @Nullable Long savingsAccountId, LocalDate valueDate, Parts parts,
                 BigDecimal outstandingAfter, List<PostingLine> lines, Precondition rule, String key, @Nullable String note) {
    }

    static void requireKey(String key) {
        DomainException.require(key != null && key.matches(KEY_PATTERN), "loans.key.missing");
    }

    /** Locks the loan for this event (every change of a loan takes this lock first) and reads it. */
    void lock(long cooperativeId, long loanId) {
        lockAll(cooperativeId, List.of(loanId));
    }

    /** Locks a group's loans, in id order (two groups sharing loans cannot deadlock); not-found for one missing. */
    void lockAll(long cooperativeId, Collection<Long> loanIds) {
        Set<Long> distinct = new TreeSet<>(loanIds);
        Set<Long> locked = new HashSet<>(dsl.select(LOAN.ID).from(LOAN)
                .where(LOAN.ID.in(distinct).and(LOAN.COOPERATIVE_ID.eq(cooperativeId))).orderBy(LOAN.ID).forUpdate().fetch(LOAN.ID));
        for (Long id : distinct) {
            if (!locked.contains(id)) {
                throw DomainException.notFound("loans.loan.not-found", id);
            }
        }
    }

    /** The transaction an idempotency key already made on this loan, if any; a key of another event is a conflict. */
    Optional<LoanTransaction> replay(long cooperativeId, long loanId, LoanTransaction.Kind kind, String key) {
        return Optional.ofNullable(replays(cooperativeId, Map.of(loanId, key), kind).get(loanId));
    }

    /** The transactions a group's keys (by loan) already made, by loan; a key used by another event is a conflict. */
    Map<Long, LoanTransaction> replays(long cooperativeId, Map<Long, String> keys, LoanTransaction.Kind kind) {
        keys.values().forEach(LoanBooking::requireKey);
        Map<String, Long> loanOfKey = new HashMap<>();
        keys.forEach((loan, key) -> loanOfKey.put(key, loan));
        Map<Long, String> keyOf = dsl.select(LOAN_TRANSACTION.ID, LOAN_TRANSACTION.IDEMPOTENCY_KEY).from(LOAN_TRANSACTION)
                .where(LOAN_TRANSACTION.COOPERATIVE_ID.eq(cooperativeId).and(LOAN_TRANSACTION.IDEMPOTENCY_KEY.in(keys.values())))
                .fetchMap(LOAN_TRANSACTION.ID, LOAN_TRANSACTION.IDEMPOTENCY_KEY);
        Map<Long, LoanTransaction> earlier = new HashMap<>();
        if (keyOf.isEmpty()) {
            return earlier;
        }
        for (LoanTransaction t : LoanRows.transactions(dsl, LOAN_TRANSACTION.ID.in(keyOf.keySet()))) {
            Long loanId = loanOfKey.get(keyOf.get(t.id()));
            if (loanId == null || t.loanId() != loanId || t.kind() != kind) {
                throw DomainException.conflict("loans.key.used-elsewhere");
            }
            earlier.put(loanId, t);
        }
        return earlier;
    }

    /** Posts the event's entry (if money moved) and records the loan transaction, in the caller's transaction. */
    LoanTransaction book(Loan loan, Event e) {
        return record(loan, e, e.lines().isEmpty() ? null : ledger.post(request(loan, e), e.rule()).entry().id());
    }

    /**
     * A group's events (one per loan): their entries posted together through the ledger's batch path (one
     * pipeline run, each entry under its own rule), their loan transactions recorded in one insert.
     */
    List<LoanTransaction> bookAll(List<Loan> loans, List<Event> events) {
        List<GuardedPosting> postings = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).lines().isEmpty()) {
                postings.add(new GuardedPosting(request(loans.get(i), events.get(i)), events.get(i).rule()));
            }
        }
        Iterator<PostingResult> posted = (postings.isEmpty() ? List.<PostingResult>of() : ledger.postBatchGuarded(postings)).iterator();
        List<@Nullable Long> entryIds = new ArrayList<>(events.size());
        for (Event e : events) {
            entryIds.add(e.lines().isEmpty() ? null : posted.next().entry().id());
        }
        return recordAll(loans, events, entryIds);
    }

    private static PostingRequest request(Loan loan, Event e) {
        String description = "%s %s %s".formatted(e.kind().name(), loan.productCode(), loan.number());
        if (e.note() != null && !e.note().isBlank()) {
            description = (description + ": " + e.note().strip());
        }
        return new PostingRequest(loan.cooperativeId(), "loans:" + e.key(), e.valueDate(),
                description.length() <= 200 ? description : description.substring(0, 200), "LOANS", loan.number(),
                e.lines(), CurrentActor.name());
    }

    /** Records the loan transaction of an event whose entry (if any) is already posted. */
    LoanTransaction record(Loan loan, Event e, @Nullable Long entryId) {
        return recordAll(List.of(loan), List.of(e), Collections.singletonList(entryId)).get(0);
    }

    /** Records events' loan transactions (one per loan, entries already posted) in one insert, in order. */
    private List<LoanTransaction> recordAll(List<Loan> loans, List<Event> events, List<@Nullable Long> entryIds) {
        InsertSetMoreStep<LoanTransactionRecord> insert = null;
        for (int i = 0; i < events.size(); i++) {
            LoanTransactionRecord r = row(loans.get(i), events.get(i), entryIds.get(i));
            insert = insert == null ? dsl.insertInto(LOAN_TRANSACTION).set(r) : insert.newRecord().set(r);
        }
        List<Long> ids = Objects.requireNonNull(insert, "a group has at least one event").returning(LOAN_TRANSACTION.ID)
                .fetch(LOAN_TRANSACTION.ID);
        Map<Long, LoanTransaction> byId = LoanRows.transactions(dsl, LOAN_TRANSACTION.ID.in(ids)).stream()
                .collect(Collectors.toMap(LoanTransaction::id, t -> t));
        return ids.stream().map(byId::get).toList();
    }

    private LoanTransactionRecord row(Loan loan, Event e, @Nullable Long entryId) {
        Parts p = e.parts();
        LoanTransactionRecord r = dsl.newRecord(LOAN_TRANSACTION);
        r.setCooperativeId(loan.cooperativeId());
        r.setLoanId(loan.id());
        r.setKind(e.kind().name());
        r.setChannel(e.channel() == null ? "NONE" : e.channel().name());
        r.setSavingsAccountId(e.savingsAccountId());
        r.setValueDate(e.valueDate());
        r.setAmount(p.amount());
        r.setPrincipalPart(p.principal());
        r.setInterestPart(p.interest());
        r.setFeePart(p.fees());
        r.setPenaltyPart(p.penalty());
        r.setOutstandingAfter(e.outstandingAfter());
        r.setJournalEntryId(entryId);
        r.setIdempotencyKey(e.key());
        r.setNote(e.note() == null || e.note().isBlank() ? null : e.note().strip());
        r.setRecordedBy(CurrentActor.name());
        return r;
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

    private static String text(String code, Side side, BigDecimal amount) {
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

    /** The codes of the accounts playing roles here, each looked up once: a group's events share them. */
    Function<LoanAccountRole, String> codes(long cooperativeId) {
        Map<LoanAccountRole, String> known = new EnumMap<>(LoanAccountRole.class);
        return role -> known.computeIfAbsent(role, r -> code(cooperativeId, r));
    }

    String cash(long cooperativeId) {
        return chart.code(cooperativeId, LedgerAccountRole.CASH);
    }

    /** A value date may not lie in the future nor before the event it follows. */
    void requireValueDate(long cooperativeId, LocalDate valueDate, @Nullable LocalDate notBefore) {
        requireValueDate(today(cooperativeId), valueDate, notBefore);
    }

    /** The cooperative's today, at its office. */
    LocalDate today(long cooperativeId) {
        return cooperatives.byId(cooperativeId).today(clock);
    }

    /** A value date may not lie after {@code today} nor before the event it follows. */
    static void requireValueDate(LocalDate today, LocalDate valueDate, @Nullable LocalDate notBefore) {
        DomainException.require(valueDate != null, "ledger.value-date.missing");
        DomainException.require(!valueDate.isAfter(today), "loans.value-date.future", valueDate);
        DomainException.require(notBefore == null || !valueDate.isBefore(notBefore), "loans.value-date.too-early",
                valueDate, notBefore);
    }

    static void requireNote(@Nullable String note, boolean required) {
        DomainException.require(note == null || note.length() <= MAX_NOTE, "loans.note.too-long", MAX_NOTE);
        DomainException.require(!required || (note != null && !note.isBlank()), "loans.reason.missing");
    }
}
