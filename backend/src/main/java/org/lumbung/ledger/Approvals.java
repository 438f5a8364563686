package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.db.jooq.tables.records.ApprovalRecord;
import org.lumbung.platform.DomainException;
import org.lumbung.security.ApiTokens;
import org.lumbung.security.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import static org.lumbung.db.jooq.Tables.APPROVAL;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.MEMBER;

/**
 * Maker-checker for the ledger: a reversal or a period reopening is asked for by one person and carried
 * out only when a second person — chair or administrator, never the one who asked — approves it. Who
 * asks and who decides is read from the security context, never taken from the caller, and the
 * reversal and the reopening themselves are not public: {@link #approve} is their only way in.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class Approvals {

    static final int MAX_LISTED = 200;

    private final DSLContext dsl;
    private final LedgerService ledger;
    private final PeriodService periods;
    private final Clock clock;
    private final List<ReversalGuard> guards;

    public Approvals(DSLContext dsl, LedgerService ledger, PeriodService periods, Clock clock, List<ReversalGuard> guards) {
        this.guards = List.copyOf(guards);
        this.dsl = dsl;
        this.ledger = ledger;
        this.periods = periods;
        this.clock = clock;
    }

    @PreAuthorize("@access.may('POST_ENTRY')")
    @Transactional
    public Approval requestReversal(long cooperativeId, long entryId, String reason) {
        requireReason(reason);
        JournalEntry entry = ledger.entry(cooperativeId, entryId);
        DomainException.require(entry.reversesEntryId() == null, "ledger.reversal.of-reversal", entry.sequence());
        ledger.reversalOf(cooperativeId, entryId).ifPresent(r -> {
            throw DomainException.conflict("ledger.reversal.already", r.sequence());
        });
        DomainException.require(!dsl.fetchExists(APPROVAL, APPROVAL.ENTRY_ID.eq(entryId).and(APPROVAL.STATUS.eq("PENDING"))),
                "approval.already-pending");
        ReversalGuard.all(guards, entry);
        return insert(cooperativeId, Approval.Kind.REVERSAL, entryId, null, reason);
    }

    @PreAuthorize("@access.may('POST_ENTRY')")
    @Transactional
    public Approval requestReopening(long cooperativeId, YearMonth month, String reason) {
        requireReason(reason);
        DomainException.require(month != null, "ledger.period.reopen-latest-only", "-");
        return insert(cooperativeId, Approval.Kind.PERIOD_REOPEN, null, month, reason);
    }

    private static void requireReason(String reason) {
        DomainException.require(reason != null && !reason.isBlank() && reason.length() <= LedgerLimits.MAX_REASON,
                "ledger.reversal.reason", LedgerLimits.MAX_REASON);
    }

    private Approval insert(long cooperativeId, Approval.Kind kind, @Nullable Long entryId, @Nullable YearMonth month,
                            String reason) {
        return toApproval(dsl.insertInto(APPROVAL)
                .set(APPROVAL.COOPERATIVE_ID, cooperativeId)
                .set(APPROVAL.KIND, kind.name())
                .set(APPROVAL.ENTRY_ID, entryId)
                .set(APPROVAL.PERIOD_START, month == null ? null : month.atDay(1))
                .set(APPROVAL.REASON, reason.strip())
                .set(APPROVAL.REQUESTED_BY, CurrentActor.name())
                .returning().fetchOne());
    }

    /** Carries the request out, as the signed-in checker, in the same transaction as the decision. */
    @PreAuthorize("@access.may('DECIDE_APPROVAL')")
    @Transactional
    public Approval approve(long cooperativeId, long approvalId) {
        String checker = CurrentActor.name();
        Approval a = pending(cooperativeId, approvalId, checker);
        String outcome;
        if (a.kind() == Approval.Kind.REVERSAL) {
            // a reversal request always names its entry, a reopening its month (the table's checks)
            long entryId = Objects.requireNonNull(a.entryId());
            Precondition guarded = ReversalGuard.all(guards, ledger.entry(cooperativeId, entryId));
            JournalEntry reversal = ledger.reverse(cooperativeId, entryId, a.reason(), "approval-" + a.id(),
                    a.requestedBy() + "+" + checker, guarded).entry();
            outcome = "reversal #" + reversal.sequence();
        } else {
            periods.reopen(cooperativeId, Objects.requireNonNull(a.month()), a.reason(), a.requestedBy() + "+" + checker);
            outcome = "reopened " + a.month();
        }
        return decide(a, "APPROVED", checker, null, outcome);
    }

    @PreAuthorize("@access.may('DECIDE_APPROVAL')")
    @Transactional
    public Approval reject(long cooperativeId, long approvalId, @Nullable String note) {
        String checker = CurrentActor.name();
        Approval a = pending(cooperativeId, approvalId, checker);
        DomainException.require(note == null || note.length() <= LedgerLimits.MAX_REASON, "ledger.reversal.reason",
                LedgerLimits.MAX_REASON);
        return decide(a, "REJECTED", checker, note, null);
    }

    private Approval pending(long cooperativeId, long approvalId, String checker) {
        ApprovalRecord r = dsl.selectFrom(APPROVAL)
                .where(APPROVAL.ID.eq(approvalId).and(APPROVAL.COOPERATIVE_ID.eq(cooperativeId)))
                .forUpdate().fetchOne();
        if (r == null) {
            throw DomainException.notFound("approval.not-found", approvalId);
        }
        Approval a = toApproval(r);
        DomainException.require(a.status() == Approval.Status.PENDING, "approval.decided");
        if (ApiTokens.isToken(checker)) {
            // a token is an integration any administrator can mint with any role: it would let one person
            // ask as themselves and decide through a token; a decision is a person's
            throw DomainException.forbidden("approval.person-only");
        }
        if (a.requestedBy().equals(checker)) {
            throw DomainException.forbidden("approval.same-person");
        }
        return a;
    }

    private Approval decide(Approval a, String status, String checker, @Nullable String note, @Nullable String outcome) {
        return toApproval(dsl.update(APPROVAL)
                .set(APPROVAL.STATUS, status)
                .set(APPROVAL.DECIDED_BY, checker)
                .set(APPROVAL.DECIDED_AT, Instant.now(clock).atOffset(ZoneOffset.UTC))
                .set(APPROVAL.DECISION_NOTE, note)
                .set(APPROVAL.OUTCOME, outcome)
                .where(APPROVAL.ID.eq(a.id()))
                .returning().fetchOne());
    }

    /** A request with the whole entry it would reverse, or the month it would reopen; for the one who decides. */
    public ApprovalDetail detail(long cooperativeId, long approvalId) {
        ApprovalRecord r = dsl.selectFrom(APPROVAL)
                .where(APPROVAL.ID.eq(approvalId).and(APPROVAL.COOPERATIVE_ID.eq(cooperativeId))).fetchOne();
        if (r == null) {
            throw DomainException.notFound("approval.not-found", approvalId);
        }
        Approval a = toApproval(r);
        return a.kind() == Approval.Kind.REVERSAL
                ? new ApprovalDetail(a, entryToReverse(cooperativeId, Objects.requireNonNull(a.entryId())), null)
                : new ApprovalDetail(a, null, periodToReopen(cooperativeId, Objects.requireNonNull(a.month())));
    }

    private ApprovalDetail.EntryToReverse entryToReverse(long cooperativeId, long entryId) {
        JournalEntry e = ledger.entry(cooperativeId, entryId);
        var accounts = dsl.select(LEDGER_ACCOUNT.ID, LEDGER_ACCOUNT.NAME_EN, LEDGER_ACCOUNT.NAME_ID,
                        MEMBER.MEMBER_NUMBER, MEMBER.FULL_NAME)
                .from(LEDGER_ACCOUNT).leftJoin(MEMBER).on(MEMBER.ID.eq(LEDGER_ACCOUNT.MEMBER_ID))
                .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId)
                        .and(LEDGER_ACCOUNT.ID.in(e.lines().stream().map(EntryLine::accountId).toList())))
                .fetchMap(LEDGER_ACCOUNT.ID);
        List<ApprovalDetail.Line> lines = e.lines().stream().map(l -> {
            var a = Objects.requireNonNull(accounts.get(l.accountId()), "the entry's accounts were just read");
            return new ApprovalDetail.Line(l.accountCode(), a.get(LEDGER_ACCOUNT.NAME_EN), a.get(LEDGER_ACCOUNT.NAME_ID),
                    a.get(MEMBER.MEMBER_NUMBER), a.get(MEMBER.FULL_NAME), l.side(), l.amount(), l.currency());
        }).toList();
        return new ApprovalDetail.EntryToReverse(e.sequence(), e.valueDate(), e.description(), e.createdBy(), e.createdAt(), lines);
    }

    private ApprovalDetail.PeriodToReopen periodToReopen(long cooperativeId, YearMonth month) {
        Period closed = periods.closed(cooperativeId, month);
        // a closed month always has who closed it, when, and the chain head then (not null in accounting_period)
        long head = Objects.requireNonNull(closed.headSequence());
        // the entries after that head came after the closing, along the sequence index
        int since = dsl.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.SEQUENCE.gt(head)));
        return new ApprovalDetail.PeriodToReopen(month, Objects.requireNonNull(closed.closedBy()),
                Objects.requireNonNull(closed.closedAt()), since);
    }

    /** How many requests wait for a second person's decision. */
    public int pendingCount(long cooperativeId) {
        return dsl.fetchCount(APPROVAL, APPROVAL.COOPERATIVE_ID.eq(cooperativeId).and(APPROVAL.STATUS.eq("PENDING")));
    }

    /** Pending first, then the latest decided. */
    public List<Approval> list(long cooperativeId) {
        return dsl.selectFrom(APPROVAL).where(APPROVAL.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(DSL.when(APPROVAL.STATUS.eq("PENDING"), 0).otherwise(1), APPROVAL.ID.desc())
                .limit(MAX_LISTED).fetch(Approvals::toApproval);
    }

    private static Approval toApproval(Record r) {
        ApprovalRecord a = r.into(APPROVAL);
        return new Approval(a.getId(), a.getCooperativeId(), Approval.Kind.valueOf(a.getKind()), a.getEntryId(),
                a.getPeriodStart() == null ? null : YearMonth.from(a.getPeriodStart()), a.getReason(), a.getRequestedBy(),
                a.getRequestedAt().toInstant(), Approval.Status.valueOf(a.getStatus()), a.getDecidedBy(),
                a.getDecidedAt() == null ? null : a.getDecidedAt().toInstant(), a.getDecisionNote(), a.getOutcome());
    }
}
