package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.lumbung.db.jooq.tables.records.PeriodEventRecord;
import org.lumbung.security.CurrentActor;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.ACCOUNTING_PERIOD;
import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;
import static org.lumbung.db.jooq.Tables.PERIOD_BALANCE;
import static org.lumbung.db.jooq.Tables.PERIOD_EVENT;

/**
 * Monthly accounting periods, closed in order and reopened in reverse order. Closing a month writes the
 * cumulative totals of every account at its end (the snapshot balances as of a date start from) and
 * moves the ledger's closed-through date, after which entries dated in it are refused. Reopening is a
 * separate act with a reason, carried out only by {@link Approvals#approve} (maker-checker), logged in
 * period_event. Each closing records the chain head it saw (sequence and fingerprint): printed on the
 * closing report, it lets an auditor check later that the books were only appended to since.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class PeriodService {

    static final int MAX_LISTED_MONTHS = 36;
    /** How far back the list reaches for an old first posting (books are kept ten years). */
    static final int MAX_MONTHS_BACK = 120;

    private final DSLContext dsl;
    private final Clock clock;

    public PeriodService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Closes the month as the signed-in person. */
    @PreAuthorize("@access.may('CLOSE_PERIOD')")
    public void close(long cooperativeId, YearMonth month) {
        String actor = CurrentActor.name();
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            Record head = lockHead(tx, cooperativeId);
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(head.get(COOPERATIVE.TIME_ZONE))));
            DomainException.require(month.atEndOfMonth().isBefore(today), "ledger.period.not-ended", month);
            LocalDate closedThrough = head.get(LEDGER_HEAD.CLOSED_THROUGH);
            LocalDate start = month.atDay(1);
            if (closedThrough != null) {
                DomainException.require(month.atEndOfMonth().isAfter(closedThrough), "ledger.period.already-closed", month);
                DomainException.require(closedThrough.plusDays(1).equals(start), "ledger.period.out-of-order",
                        YearMonth.from(closedThrough.plusDays(1)));
            } else {
                LocalDate firstPosting = firstPosting(tx, cooperativeId);
                DomainException.require(firstPosting == null || !firstPosting.isBefore(start),
                        "ledger.period.out-of-order", firstPosting == null ? month : YearMonth.from(firstPosting));
            }
            Instant now = Instant.now(clock);
            tx.insertInto(ACCOUNTING_PERIOD)
                    .set(ACCOUNTING_PERIOD.COOPERATIVE_ID, cooperativeId)
                    .set(ACCOUNTING_PERIOD.PERIOD_START, start)
                    .set(ACCOUNTING_PERIOD.CLOSED_BY, actor)
                    .set(ACCOUNTING_PERIOD.CLOSED_AT, now.atOffset(ZoneOffset.UTC))
                    .set(ACCOUNTING_PERIOD.HEAD_SEQUENCE, head.get(LEDGER_HEAD.LAST_SEQUENCE))
                    .set(ACCOUNTING_PERIOD.HEAD_HASH, head.get(LEDGER_HEAD.LAST_HASH))
                    .execute();
            writeSnapshot(tx, cooperativeId, month, closedThrough == null ? null : YearMonth.from(closedThrough));
            tx.update(LEDGER_HEAD).set(LEDGER_HEAD.CLOSED_THROUGH, month.atEndOfMonth())
                    .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId)).execute();
            log(tx, cooperativeId, month, "CLOSE", null, actor, now)
                    .set(PERIOD_EVENT.HEAD_SEQUENCE, head.get(LEDGER_HEAD.LAST_SEQUENCE))
                    .set(PERIOD_EVENT.HEAD_HASH, head.get(LEDGER_HEAD.LAST_HASH))
                    .execute();
        });
    }

    /** Snapshot(month) = snapshot(previous closed month) + the month's postings, for every account. */
    private static void writeSnapshot(DSLContext tx, long cooperativeId, YearMonth month, @Nullable YearMonth previous) {
        Map<Long, BigDecimal[]> totals = new HashMap<>();
        if (previous != null) {
            tx.select(PERIOD_BALANCE.ACCOUNT_ID, PERIOD_BALANCE.DEBIT_TOTAL, PERIOD_BALANCE.CREDIT_TOTAL)
                    .from(PERIOD_BALANCE)
                    .where(PERIOD_BALANCE.COOPERATIVE_ID.eq(cooperativeId).and(PERIOD_BALANCE.PERIOD_START.eq(previous.atDay(1))))
                    .forEach(r -> totals.put(r.value1(), new BigDecimal[]{r.value2(), r.value3()}));
        }
        var debit = DSL.coalesce(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("D"), JOURNAL_LINE.AMOUNT)), BigDecimal.ZERO);
        var credit = DSL.coalesce(DSL.sum(DSL.when(JOURNAL_LINE.SIDE.eq("C"), JOURNAL_LINE.AMOUNT)), BigDecimal.ZERO);
        tx.select(JOURNAL_LINE.ACCOUNT_ID, debit, credit).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId)
                        .and(JOURNAL_LINE.VALUE_DATE.le(month.atEndOfMonth()))
                        .and(previous == null ? DSL.noCondition() : JOURNAL_LINE.VALUE_DATE.gt(previous.atEndOfMonth())))
                .groupBy(JOURNAL_LINE.ACCOUNT_ID)
                .forEach(r -> totals.merge(r.value1(), new BigDecimal[]{r.value2(), r.value3()},
                        (a, b) -> new BigDecimal[]{a[0].add(b[0]), a[1].add(b[1])}));
        if (totals.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(PERIOD_BALANCE, PERIOD_BALANCE.COOPERATIVE_ID, PERIOD_BALANCE.PERIOD_START,
                PERIOD_BALANCE.ACCOUNT_ID, PERIOD_BALANCE.DEBIT_TOTAL, PERIOD_BALANCE.CREDIT_TOTAL);
        for (Map.Entry<Long, BigDecimal[]> e : totals.entrySet()) {
            insert = insert.values(cooperativeId, month.atDay(1), e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        insert.execute();
    }

    /**
     * Reopens the latest closed month; its snapshot is dropped and rebuilt when it is closed again. Not
     * public: only an approved request carries it out ({@link Approvals#approve}), which names the actor.
     */
    @PreAuthorize("@access.may('CLOSE_PERIOD')")
    void reopen(long cooperativeId, YearMonth month, String reason, String actor) {
        DomainException.require(reason != null && !reason.isBlank() && reason.length() <= LedgerLimits.MAX_REASON,
                "ledger.period.reason", LedgerLimits.MAX_REASON);
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            Record head = lockHead(tx, cooperativeId);
            LocalDate closedThrough = head.get(LEDGER_HEAD.CLOSED_THROUGH);
            DomainException.require(closedThrough != null && YearMonth.from(closedThrough).equals(month),
                    "ledger.period.reopen-latest-only", closedThrough == null ? "-" : YearMonth.from(closedThrough));
            tx.deleteFrom(ACCOUNTING_PERIOD).where(ACCOUNTING_PERIOD.COOPERATIVE_ID.eq(cooperativeId)
                    .and(ACCOUNTING_PERIOD.PERIOD_START.eq(month.atDay(1)))).execute();
            LocalDate previous = tx.select(DSL.max(ACCOUNTING_PERIOD.PERIOD_START)).from(ACCOUNTING_PERIOD)
                    .where(ACCOUNTING_PERIOD.COOPERATIVE_ID.eq(cooperativeId)).fetchOne(0, LocalDate.class);
            tx.update(LEDGER_HEAD)
                    .set(LEDGER_HEAD.CLOSED_THROUGH, previous == null ? null : YearMonth.from(previous).atEndOfMonth())
                    .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId)).execute();
            log(tx, cooperativeId, month, "REOPEN", reason.strip(), actor, Instant.now(clock)).execute();
        });
    }

    private static Record lockHead(DSLContext tx, long cooperativeId) {
        Record head = tx.select(LEDGER_HEAD.CLOSED_THROUGH, LEDGER_HEAD.LAST_SEQUENCE, LEDGER_HEAD.LAST_HASH, COOPERATIVE.TIME_ZONE)
                .from(LEDGER_HEAD).join(COOPERATIVE).on(COOPERATIVE.ID.eq(LEDGER_HEAD.COOPERATIVE_ID))
                .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId))
                .forUpdate().of(LEDGER_HEAD).fetchOne();
        if (head == null) {
            throw DomainException.notFound("cooperative.not-found", cooperativeId);
        }
        return head;
    }

    /** The log row, for the caller to complete and execute. */
    private static InsertSetMoreStep<PeriodEventRecord> log(DSLContext tx, long cooperativeId, YearMonth month,
                                                            String action, @Nullable String reason, String actor, Instant at) {
        return tx.insertInto(PERIOD_EVENT)
                .set(PERIOD_EVENT.COOPERATIVE_ID, cooperativeId)
                .set(PERIOD_EVENT.PERIOD_START, month.atDay(1))
                .set(PERIOD_EVENT.ACTION, action)
                .set(PERIOD_EVENT.REASON, reason)
                .set(PERIOD_EVENT.ACTOR, actor)
                .set(PERIOD_EVENT.AT, at.atOffset(ZoneOffset.UTC));
    }

    /**
     * The last {@value #MAX_LISTED_MONTHS} months (further back to the month to close next), newest first, never
     * before the month the cooperative was founded: no period starts before there was a cooperative.
     */
    public List<Period> periods(long cooperativeId) {
        Map<LocalDate, Record> closed = new HashMap<>();
        dsl.selectFrom(ACCOUNTING_PERIOD).where(ACCOUNTING_PERIOD.COOPERATIVE_ID.eq(cooperativeId))
                .forEach(r -> closed.put(r.get(ACCOUNTING_PERIOD.PERIOD_START), r));
        String zone = dsl.select(COOPERATIVE.TIME_ZONE).from(COOPERATIVE).where(COOPERATIVE.ID.eq(cooperativeId))
                .fetchOne(COOPERATIVE.TIME_ZONE);
        YearMonth current = YearMonth.now(clock.withZone(ZoneId.of(zone == null ? "UTC" : zone)));
        // reach back to the month to close next, however old, so its Close button is always on the list
        YearMonth earliest = current.minusMonths(MAX_LISTED_MONTHS - 1);
        Optional<YearMonth> toClose = nextToClose(cooperativeId);
        YearMonth next = toClose.orElse(earliest);
        YearMonth from = next.isBefore(earliest) ? max(next, current.minusMonths(MAX_MONTHS_BACK)) : earliest;
        // from the founding month on, unless earlier months were closed or postings dated earlier wait to be closed
        YearMonth firstShown = foundingMonth(cooperativeId);
        for (LocalDate start : closed.keySet()) {
            firstShown = YearMonth.from(start).isBefore(firstShown) ? YearMonth.from(start) : firstShown;
        }
        from = max(from, toClose.filter(firstShown::isAfter).orElse(firstShown));
        List<Period> periods = new ArrayList<>();
        for (YearMonth m = current; !m.isBefore(from); m = m.minusMonths(1)) {
            Record r = closed.get(m.atDay(1));
            periods.add(r == null ? Period.open(m) : toPeriod(r));
        }
        return periods;
    }

    private static Period toPeriod(Record r) {
        return new Period(YearMonth.from(r.get(ACCOUNTING_PERIOD.PERIOD_START)), true, r.get(ACCOUNTING_PERIOD.CLOSED_BY),
                r.get(ACCOUNTING_PERIOD.CLOSED_AT).toInstant(), r.get(ACCOUNTING_PERIOD.HEAD_SEQUENCE),
                r.get(ACCOUNTING_PERIOD.HEAD_HASH));
    }

    /** A closed month, with the chain head recorded at its closing; not found when the month is open. */
    public Period closed(long cooperativeId, YearMonth month) {
        Record r = dsl.selectFrom(ACCOUNTING_PERIOD).where(ACCOUNTING_PERIOD.COOPERATIVE_ID.eq(cooperativeId)
                .and(ACCOUNTING_PERIOD.PERIOD_START.eq(month.atDay(1)))).fetchOne();
        if (r == null) {
            throw DomainException.notFound("ledger.period.not-closed", month);
        }
        return toPeriod(r);
    }

    /** The founding date's month; without one, the month of the first posting or, before any, of entering it in Lumbung. */
    private YearMonth foundingMonth(long cooperativeId) {
        Record r = dsl.select(COOPERATIVE.FOUNDED_ON, COOPERATIVE.CREATED_AT, COOPERATIVE.TIME_ZONE).from(COOPERATIVE)
                .where(COOPERATIVE.ID.eq(cooperativeId)).fetchOne();
        if (r == null) {
            throw DomainException.notFound("cooperative.not-found", cooperativeId);
        }
        if (r.get(COOPERATIVE.FOUNDED_ON) != null) {
            return YearMonth.from(r.get(COOPERATIVE.FOUNDED_ON));
        }
        LocalDate firstPosting = firstPosting(dsl, cooperativeId);
        YearMonth entered = YearMonth.from(r.get(COOPERATIVE.CREATED_AT).atZoneSameInstant(ZoneId.of(r.get(COOPERATIVE.TIME_ZONE))));
        return firstPosting == null || YearMonth.from(firstPosting).isAfter(entered) ? entered : YearMonth.from(firstPosting);
    }

    /** The value date of the cooperative's earliest posting, or null before its first. */
    private static @Nullable LocalDate firstPosting(DSLContext dsl, long cooperativeId) {
        return dsl.select(DSL.min(JOURNAL_LINE.VALUE_DATE)).from(JOURNAL_LINE)
                .where(JOURNAL_LINE.COOPERATIVE_ID.eq(cooperativeId)).fetchOne(0, LocalDate.class);
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The month to close next, if it has ended: the one after the last closed month, or — nothing closed
     * yet — the month of the first posting (the latest ended month for a ledger without postings).
     */
    public Optional<YearMonth> nextToClose(long cooperativeId) {
        Record head = dsl.select(LEDGER_HEAD.CLOSED_THROUGH, COOPERATIVE.TIME_ZONE)
                .from(LEDGER_HEAD).join(COOPERATIVE).on(COOPERATIVE.ID.eq(LEDGER_HEAD.COOPERATIVE_ID))
                .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId)).fetchOne();
        if (head == null) {
            return Optional.empty();
        }
        YearMonth current = YearMonth.now(clock.withZone(ZoneId.of(head.get(COOPERATIVE.TIME_ZONE))));
        LocalDate closedThrough = head.get(LEDGER_HEAD.CLOSED_THROUGH);
        YearMonth next;
        if (closedThrough != null) {
            next = YearMonth.from(closedThrough).plusMonths(1);
        } else {
            LocalDate firstPosting = firstPosting(dsl, cooperativeId);
            // a ledger without postings: the latest ended month, but none before the cooperative was founded
            next = firstPosting == null ? max(current.minusMonths(1), foundingMonth(cooperativeId)) : YearMonth.from(firstPosting);
        }
        return next.isBefore(current) ? Optional.of(next) : Optional.empty();
    }

    public @Nullable LocalDate closedThrough(long cooperativeId) {
        return dsl.select(LEDGER_HEAD.CLOSED_THROUGH).from(LEDGER_HEAD)
                .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId)).fetchOne(LEDGER_HEAD.CLOSED_THROUGH);
    }

    public List<PeriodEvent> events(long cooperativeId) {
        return dsl.selectFrom(PERIOD_EVENT).where(PERIOD_EVENT.COOPERATIVE_ID.eq(cooperativeId))
                .orderBy(PERIOD_EVENT.ID.desc()).limit(LedgerLimits.MAX_PAGE)
                .fetch(r -> new PeriodEvent(YearMonth.from(r.getPeriodStart()), r.getAction(), r.getReason(),
                        r.getActor(), r.getAt().toInstant()));
    }
}
