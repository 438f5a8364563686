package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.InsertValuesStep16;
import org.jooq.InsertValuesStep8;
import org.jooq.Record;
import org.lumbung.db.jooq.tables.records.JournalEntryRecord;
import org.lumbung.db.jooq.tables.records.JournalLineRecord;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.JOURNAL_LINE;
import static org.lumbung.db.jooq.Tables.LEDGER_ACCOUNT;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * The only way money moves in Lumbung: posting balanced journal entries to the append-only ledger.
 *
 * <p>Invariants, asserted here where requests enter and again by the database before rows are written:
 * every entry has 2..200 lines and balances in each currency; amounts are positive with the currency's
 * minor units; each maintained balance equals the sum of its lines; no balance constraint flag is ever
 * violated; sequences per cooperative are gapless; each entry's hash links to its predecessor's.
 *
 * <p>Concurrency: a posting first locks its cooperative's ledger_head row, then the touched accounts in
 * id order. Every writer takes the locks in this one order, so postings never deadlock; the head lock
 * also makes sequence numbers and the chain a single line and the idempotency check authoritative.
 */
@Service
public class LedgerService {

    private final DSLContext dsl;
    private final Clock clock;

    public LedgerService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Posts one entry; a replay of its idempotency key with the same content returns the original. */
    public PostingResult post(PostingRequest request) {
        return postBatch(List.of(request)).get(0);
    }

    /**
     * Posts up to {@link LedgerLimits#MAX_BATCH_ENTRIES} entries of one cooperative in one transaction
     * (imports, close of business): all of them or, if any is refused, none.
     */
    public List<PostingResult> postBatch(List<PostingRequest> requests) {
        DomainException.require(requests != null && !requests.isEmpty(), "ledger.batch.empty");
        DomainException.require(requests.size() <= LedgerLimits.MAX_BATCH_ENTRIES, "ledger.batch.too-large",
                LedgerLimits.MAX_BATCH_ENTRIES);
        long cooperativeId = requests.get(0).cooperativeId();
        List<Draft> drafts = new ArrayList<>(requests.size());
        for (PostingRequest r : requests) {
            DomainException.require(r.cooperativeId() == cooperativeId, "ledger.batch.mixed-cooperatives");
            DomainException.require(r.valueDate() != null, "ledger.value-date.missing");
            drafts.add(Draft.of(r, null, null));
        }
        return write(cooperativeId, drafts);
    }

    /**
     * Corrects a posted entry by posting its mirror image today, linked to it. An entry is reversed at
     * most once (also a UNIQUE constraint); a reversal is not itself reversed: post a new entry instead.
     */
    public PostingResult reverse(long cooperativeId, long entryId, String reason, String idempotencyKey, String actor) {
        DomainException.require(reason != null && !reason.isBlank() && reason.length() <= LedgerLimits.MAX_REASON,
                "ledger.reversal.reason", LedgerLimits.MAX_REASON);
        JournalEntry original = entry(cooperativeId, entryId);
        DomainException.require(original.reversesEntryId() == null, "ledger.reversal.of-reversal", original.sequence());
        List<PostingLine> mirror = original.lines().stream()
                .map(l -> new PostingLine(l.accountCode(), l.side().opposite(), l.amount())).toList();
        String description = "Reversal of #" + original.sequence() + ": " + original.description();
        PostingRequest request = new PostingRequest(cooperativeId, idempotencyKey, null,
                description.length() <= LedgerLimits.MAX_DESCRIPTION ? description
                        : description.substring(0, LedgerLimits.MAX_DESCRIPTION),
                "REVERSAL", Long.toString(original.sequence()), mirror, actor);
        return write(cooperativeId, List.of(Draft.of(request, original.id(), reason.strip()))).get(0);
    }

    private List<PostingResult> write(long cooperativeId, List<Draft> drafts) {
        Set<String> keys = new HashSet<>();
        for (Draft d : drafts) {
            d.validateShape();
            DomainException.require(keys.add(d.request().idempotencyKey()), "ledger.batch.duplicate-key",
                    d.request().idempotencyKey());
        }
        return dsl.transactionResult(configuration -> new Posting(configuration.dsl(), cooperativeId, drafts).run());
    }

    /** A request on its way in, with what the chain needs beyond it. */
    record Draft(PostingRequest request, Long reversesEntryId, String reversalReason, String requestHash) {

        static Draft of(PostingRequest r, Long reversesEntryId, String reason) {
            String hash = EntryFingerprint.requestHash(r.valueDate(), r.description() == null ? null : r.description().strip(),
                    r.sourceType(), r.sourceRef(), reversesEntryId, r.lines());
            return new Draft(r, reversesEntryId, reason, hash);
        }

        void validateShape() {
            PostingRequest r = request;
            String key = r.idempotencyKey();
            DomainException.require(key != null && key.length() >= LedgerLimits.MIN_KEY && key.length() <= LedgerLimits.MAX_KEY
                    && key.matches(LedgerLimits.KEY_PATTERN), "ledger.key.invalid", LedgerLimits.MIN_KEY, LedgerLimits.MAX_KEY);
            DomainException.require(r.description() != null && !r.description().isBlank()
                    && r.description().strip().length() <= LedgerLimits.MAX_DESCRIPTION, "ledger.description.invalid",
                    LedgerLimits.MAX_DESCRIPTION);
            DomainException.require(r.sourceType() != null && r.sourceType().matches(LedgerLimits.SOURCE_TYPE_PATTERN),
                    "ledger.source.invalid");
            DomainException.require(r.sourceRef() == null || r.sourceRef().length() <= LedgerLimits.MAX_SOURCE_REF,
                    "ledger.source.invalid");
            DomainException.require(r.actor() != null && !r.actor().isBlank() && r.actor().length() <= 64, "ledger.actor.missing");
            DomainException.require(r.lines().size() >= LedgerLimits.MIN_LINES && r.lines().size() <= LedgerLimits.MAX_LINES,
                    "ledger.lines.count", LedgerLimits.MIN_LINES, LedgerLimits.MAX_LINES);
            DomainException.require(r.valueDate() == null || !r.valueDate().isBefore(LedgerLimits.EARLIEST_VALUE_DATE),
                    "ledger.value-date.too-early", LedgerLimits.EARLIEST_VALUE_DATE);
            for (PostingLine line : r.lines()) {
                DomainException.require(line != null && line.accountCode() != null && !line.accountCode().isBlank()
                        && line.accountCode().length() <= 32, "ledger.line.account.missing");
                DomainException.require(line.side() != null, "ledger.line.side.missing");
                DomainException.require(line.amount() != null && line.amount().signum() > 0, "money.amount.not-positive",
                        String.valueOf(line.amount()));
                DomainException.require(line.amount().compareTo(Amounts.MAX_AMOUNT) <= 0, "money.amount.too-large",
                        line.amount().toPlainString());
            }
        }
    }

    /** Running debit and credit totals of a locked account while a batch is checked. */
    private static final class Totals {
        final Account account;
        BigDecimal debits;
        BigDecimal credits;

        Totals(Account account) {
            this.account = account;
            this.debits = account.debitTotal();
            this.credits = account.creditTotal();
        }

        void add(Side side, BigDecimal amount) {
            if (side == Side.DEBIT) {
                debits = debits.add(amount);
            } else {
                credits = credits.add(amount);
            }
        }

        void requireWithinConstraint() {
            if (account.debitsMustNotExceedCredits() && debits.compareTo(credits) > 0) {
                throw DomainException.invalid("ledger.account.constraint.debit", account.code(),
                        Amounts.normalise(credits.subtract(debits), account.currency()).toPlainString(), account.currency());
            }
            if (account.creditsMustNotExceedDebits() && credits.compareTo(debits) > 0) {
                throw DomainException.invalid("ledger.account.constraint.credit", account.code(),
                        Amounts.normalise(debits.subtract(credits), account.currency()).toPlainString(), account.currency());
            }
        }
    }

    /** An entry checked and sealed, ready to insert. */
    private record Sealed(Draft draft, long sequence, LocalDate bookingDate, LocalDate valueDate, String description,
                          Instant createdAt, String prevHash, String hash, List<EntryLine> lines) {
    }

    /** One posting transaction. */
    private final class Posting {
        private final DSLContext tx;
        private final long cooperativeId;
        private final List<Draft> drafts;

        Posting(DSLContext tx, long cooperativeId, List<Draft> drafts) {
            this.tx = tx;
            this.cooperativeId = cooperativeId;
            this.drafts = drafts;
        }

        List<PostingResult> run() {
            Record head = tx.select(LEDGER_HEAD.LAST_SEQUENCE, LEDGER_HEAD.LAST_HASH, LEDGER_HEAD.CLOSED_THROUGH,
                            COOPERATIVE.TIME_ZONE)
                    .from(LEDGER_HEAD).join(COOPERATIVE).on(COOPERATIVE.ID.eq(LEDGER_HEAD.COOPERATIVE_ID))
                    .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId))
                    .forUpdate().of(LEDGER_HEAD)
                    .fetchOne();
            if (head == null) {
                throw DomainException.notFound("cooperative.not-found", cooperativeId);
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(head.get(COOPERATIVE.TIME_ZONE))));
            LocalDate closedThrough = head.get(LEDGER_HEAD.CLOSED_THROUGH);

            Map<String, Record> existing = existingByKey();
            List<Draft> fresh = new ArrayList<>();
            for (Draft d : drafts) {
                Record prior = existing.get(d.request().idempotencyKey());
                if (prior == null) {
                    fresh.add(d);
                } else if (!prior.get(JOURNAL_ENTRY.REQUEST_HASH).equals(d.requestHash())) {
                    throw DomainException.conflict("ledger.idempotency.conflict", d.request().idempotencyKey());
                }
            }
            for (Draft d : fresh) {
                if (d.reversesEntryId() != null) {
                    requireNotReversed(d.reversesEntryId());
                }
            }
            List<Sealed> sealed = seal(fresh, lockAccounts(fresh), today, closedThrough,
                    head.get(LEDGER_HEAD.LAST_SEQUENCE), head.get(LEDGER_HEAD.LAST_HASH));
            Map<String, Long> ids = insert(sealed);
            if (!sealed.isEmpty()) {
                Sealed last = sealed.get(sealed.size() - 1);
                tx.update(LEDGER_HEAD)
                        .set(LEDGER_HEAD.LAST_SEQUENCE, last.sequence())
                        .set(LEDGER_HEAD.LAST_HASH, last.hash())
                        .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId))
                        .execute();
            }
            List<PostingResult> results = new ArrayList<>(drafts.size());
            Map<String, Sealed> sealedByKey = new HashMap<>();
            sealed.forEach(s -> sealedByKey.put(s.draft().request().idempotencyKey(), s));
            for (Draft d : drafts) {
                String key = d.request().idempotencyKey();
                Sealed s = sealedByKey.get(key);
                results.add(s != null
                        ? new PostingResult(toEntry(ids.get(key), s), false)
                        : new PostingResult(loadEntry(tx, cooperativeId, existing.get(key).get(JOURNAL_ENTRY.ID)), true));
            }
            return results;
        }

        private Map<String, Record> existingByKey() {
            Map<String, Record> byKey = new HashMap<>();
            tx.select(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.IDEMPOTENCY_KEY, JOURNAL_ENTRY.REQUEST_HASH)
                    .from(JOURNAL_ENTRY)
                    .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId)
                            .and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.in(drafts.stream().map(d -> d.request().idempotencyKey()).toList())))
                    .forEach(r -> byKey.put(r.get(JOURNAL_ENTRY.IDEMPOTENCY_KEY), r));
            return byKey;
        }

        private void requireNotReversed(long originalId) {
            Long sequence = tx.select(JOURNAL_ENTRY.SEQUENCE).from(JOURNAL_ENTRY)
                    .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.REVERSES_ENTRY_ID.eq(originalId)))
                    .fetchOne(JOURNAL_ENTRY.SEQUENCE);
            if (sequence != null) {
                throw DomainException.conflict("ledger.reversal.already", sequence);
            }
        }

        /** Locks every touched account, in id order (the global lock order after the head). */
        private Map<String, Totals> lockAccounts(List<Draft> fresh) {
            Set<String> codes = new LinkedHashSet<>();
            fresh.forEach(d -> d.request().lines().forEach(l -> codes.add(l.accountCode())));
            Map<String, Totals> byCode = new HashMap<>();
            if (codes.isEmpty()) {
                return byCode;
            }
            tx.selectFrom(LEDGER_ACCOUNT)
                    .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.CODE.in(codes)))
                    .orderBy(LEDGER_ACCOUNT.ID)
                    .forUpdate()
                    .forEach(r -> {
                        Account a = ChartOfAccounts.toAccount(r);
                        byCode.put(a.code(), new Totals(a));
                    });
            return byCode;
        }

        private List<Sealed> seal(List<Draft> fresh, Map<String, Totals> accounts, LocalDate today,
                                  LocalDate closedThrough, long lastSequence, String lastHash) {
            List<Sealed> sealed = new ArrayList<>(fresh.size());
            Instant createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            long sequence = lastSequence;
            String prevHash = lastHash;
            for (Draft d : fresh) {
                PostingRequest r = d.request();
                LocalDate valueDate = r.valueDate() != null ? r.valueDate() : today;
                DomainException.require(!valueDate.isAfter(today), "ledger.value-date.future", valueDate);
                DomainException.require(closedThrough == null || valueDate.isAfter(closedThrough),
                        "ledger.period.closed", valueDate, closedThrough);
                List<EntryLine> lines = new ArrayList<>(r.lines().size());
                Map<String, BigDecimal[]> perCurrency = new TreeMap<>();
                for (PostingLine l : r.lines()) {
                    Totals t = accounts.get(l.accountCode());
                    if (t == null) {
                        throw DomainException.invalid("ledger.account.unknown", l.accountCode());
                    }
                    DomainException.require(!t.account.header(), "ledger.account.header", l.accountCode());
                    BigDecimal amount = Amounts.requireEntered(l.amount(), t.account.currency());
                    lines.add(new EntryLine(lines.size() + 1, t.account.id(), t.account.code(), l.side(), amount,
                            t.account.currency()));
                    BigDecimal[] dc = perCurrency.computeIfAbsent(t.account.currency(),
                            c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                    dc[l.side() == Side.DEBIT ? 0 : 1] = dc[l.side() == Side.DEBIT ? 0 : 1].add(amount);
                }
                perCurrency.forEach((currency, dc) -> DomainException.require(dc[0].compareTo(dc[1]) == 0,
                        "ledger.entry.unbalanced", currency, dc[0].toPlainString(), dc[1].toPlainString()));
                // Constraint flags hold after each whole entry, the unit in which money moves.
                Set<Totals> touched = new LinkedHashSet<>();
                for (EntryLine line : lines) {
                    Totals t = accounts.get(line.accountCode());
                    t.add(line.side(), line.amount());
                    touched.add(t);
                }
                touched.forEach(Totals::requireWithinConstraint);
                sequence++;
                String description = r.description().strip();
                String hash = EntryFingerprint.hash(prevHash, new EntryFingerprint.Content(cooperativeId, sequence,
                        r.idempotencyKey(), today, valueDate, description, r.sourceType(), r.sourceRef(),
                        d.reversesEntryId(), d.reversalReason(), r.actor(), createdAt, fingerprintLines(lines)));
                sealed.add(new Sealed(d, sequence, today, valueDate, description, createdAt, prevHash, hash, lines));
                prevHash = hash;
            }
            return sealed;
        }

        /** Inserts entries and their lines; returns entry ids by idempotency key. */
        private Map<String, Long> insert(List<Sealed> sealed) {
            Map<String, Long> ids = new HashMap<>();
            if (sealed.isEmpty()) {
                return ids;
            }
            InsertValuesStep16<JournalEntryRecord, Long, Long, String, String, LocalDate, LocalDate, String, String,
                    String, Long, String, String, OffsetDateTime, Short, String, String> entries = tx.insertInto(JOURNAL_ENTRY,
                    JOURNAL_ENTRY.COOPERATIVE_ID, JOURNAL_ENTRY.SEQUENCE, JOURNAL_ENTRY.IDEMPOTENCY_KEY,
                    JOURNAL_ENTRY.REQUEST_HASH, JOURNAL_ENTRY.BOOKING_DATE, JOURNAL_ENTRY.VALUE_DATE,
                    JOURNAL_ENTRY.DESCRIPTION, JOURNAL_ENTRY.SOURCE_TYPE, JOURNAL_ENTRY.SOURCE_REF,
                    JOURNAL_ENTRY.REVERSES_ENTRY_ID, JOURNAL_ENTRY.REVERSAL_REASON, JOURNAL_ENTRY.CREATED_BY,
                    JOURNAL_ENTRY.CREATED_AT, JOURNAL_ENTRY.LINE_COUNT, JOURNAL_ENTRY.PREV_HASH, JOURNAL_ENTRY.HASH);
            for (Sealed s : sealed) {
                PostingRequest r = s.draft().request();
                entries = entries.values(cooperativeId, s.sequence(), r.idempotencyKey(), s.draft().requestHash(),
                        s.bookingDate(), s.valueDate(), s.description(), r.sourceType(), r.sourceRef(),
                        s.draft().reversesEntryId(), s.draft().reversalReason(), r.actor(),
                        s.createdAt().atOffset(ZoneOffset.UTC), (short) s.lines().size(), s.prevHash(), s.hash());
            }
            Map<Long, Long> idBySequence = new HashMap<>();
            entries.returning(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.SEQUENCE).fetch()
                    .forEach(r -> idBySequence.put(r.get(JOURNAL_ENTRY.SEQUENCE), r.get(JOURNAL_ENTRY.ID)));
            List<Sealed> chunk = new ArrayList<>();
            int chunkLines = 0;
            for (Sealed s : sealed) {
                ids.put(s.draft().request().idempotencyKey(), idBySequence.get(s.sequence()));
                if (chunkLines + s.lines().size() > LedgerLimits.LINES_PER_STATEMENT) {
                    insertLines(chunk, idBySequence);
                    chunk.clear();
                    chunkLines = 0;
                }
                chunk.add(s);
                chunkLines += s.lines().size();
            }
            insertLines(chunk, idBySequence);
            return ids;
        }

        /** One INSERT per chunk of whole entries: the balance trigger checks each statement's entries. */
        private void insertLines(List<Sealed> chunk, Map<Long, Long> idBySequence) {
            if (chunk.isEmpty()) {
                return;
            }
            InsertValuesStep8<JournalLineRecord, Long, Long, Short, Long, String, BigDecimal, String, LocalDate> insert =
                    tx.insertInto(JOURNAL_LINE, JOURNAL_LINE.COOPERATIVE_ID, JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO,
                            JOURNAL_LINE.ACCOUNT_ID, JOURNAL_LINE.SIDE, JOURNAL_LINE.AMOUNT, JOURNAL_LINE.CURRENCY,
                            JOURNAL_LINE.VALUE_DATE);
            for (Sealed s : chunk) {
                long entryId = idBySequence.get(s.sequence());
                for (EntryLine l : s.lines()) {
                    insert = insert.values(cooperativeId, entryId, (short) l.lineNo(), l.accountId(), l.side().code(),
                            l.amount(), l.currency(), s.valueDate());
                }
            }
            insert.execute();
        }

        private JournalEntry toEntry(long id, Sealed s) {
            PostingRequest r = s.draft().request();
            return new JournalEntry(id, cooperativeId, s.sequence(), r.idempotencyKey(), s.bookingDate(), s.valueDate(),
                    s.description(), r.sourceType(), r.sourceRef(), s.draft().reversesEntryId(),
                    s.draft().reversalReason(), r.actor(), s.createdAt(), s.prevHash(), s.hash(), s.lines());
        }
    }

    static List<EntryFingerprint.Line> fingerprintLines(List<EntryLine> lines) {
        return lines.stream().map(l -> new EntryFingerprint.Line(l.lineNo(), l.accountCode(), l.side(), l.amount(),
                l.currency())).toList();
    }

    /** A posted entry of the cooperative, with its lines; not-found for another cooperative's entry. */
    public JournalEntry entry(long cooperativeId, long entryId) {
        return loadEntry(dsl, cooperativeId, entryId);
    }

    public Optional<JournalEntry> entryBySequence(long cooperativeId, long sequence) {
        return dsl.select(JOURNAL_ENTRY.ID).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.SEQUENCE.eq(sequence)))
                .fetchOptional(JOURNAL_ENTRY.ID).map(id -> entry(cooperativeId, id));
    }

    /** The entry that reversed this one, if any. */
    public Optional<JournalEntry> reversalOf(long cooperativeId, long entryId) {
        return dsl.select(JOURNAL_ENTRY.ID).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.REVERSES_ENTRY_ID.eq(entryId)))
                .fetchOptional(JOURNAL_ENTRY.ID).map(id -> entry(cooperativeId, id));
    }

    static JournalEntry loadEntry(DSLContext dsl, long cooperativeId, long entryId) {
        JournalEntryRecord e = dsl.selectFrom(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.ID.eq(entryId)))
                .fetchOne();
        if (e == null) {
            throw DomainException.notFound("ledger.entry.not-found", entryId);
        }
        List<EntryLine> lines = dsl.select(JOURNAL_LINE.LINE_NO, JOURNAL_LINE.ACCOUNT_ID, LEDGER_ACCOUNT.CODE,
                        JOURNAL_LINE.SIDE, JOURNAL_LINE.AMOUNT, JOURNAL_LINE.CURRENCY)
                .from(JOURNAL_LINE).join(LEDGER_ACCOUNT).on(LEDGER_ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_LINE.ENTRY_ID.eq(entryId))
                .orderBy(JOURNAL_LINE.LINE_NO)
                .fetch(r -> new EntryLine(r.get(JOURNAL_LINE.LINE_NO), r.get(JOURNAL_LINE.ACCOUNT_ID),
                        r.get(LEDGER_ACCOUNT.CODE), Side.ofCode(r.get(JOURNAL_LINE.SIDE)),
                        Amounts.normalise(r.get(JOURNAL_LINE.AMOUNT), r.get(JOURNAL_LINE.CURRENCY)),
                        r.get(JOURNAL_LINE.CURRENCY)));
        return new JournalEntry(e.getId(), e.getCooperativeId(), e.getSequence(), e.getIdempotencyKey(),
                e.getBookingDate(), e.getValueDate(), e.getDescription(), e.getSourceType(), e.getSourceRef(),
                e.getReversesEntryId(), e.getReversalReason(), e.getCreatedBy(), e.getCreatedAt().toInstant(),
                e.getPrevHash(), e.getHash(), lines);
    }
}
