package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.Record;
import org.lumbung.db.jooq.tables.records.JournalEntryRecord;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.lumbung.security.Permissions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
@PreAuthorize(Permissions.READ)
public class LedgerService {

    private final DSLContext dsl;
    private final Clock clock;

    public LedgerService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Posts one entry; a replay of its idempotency key with the same content returns the original.
     *
     * <p>Called inside a caller's transaction (a feature that posts and writes its own rows atomically),
     * the entry is written in that transaction. Called on its own, it joins the cooperative's group
     * commit: postings that arrive while another is being written go together in the next transaction,
     * each checked on its own (one refusal does not refuse the others), so concurrent tellers share the
     * head lock and the commit instead of queueing for them one by one.
     */
    @PreAuthorize(Permissions.POST)
    public PostingResult post(PostingRequest request) {
        DomainException.require(request != null, "ledger.batch.empty");
        DomainException.require(request.valueDate() != null, "ledger.value-date.missing");
        Draft draft = Draft.of(request, null, null);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return write(request.cooperativeId(), List.of(draft)).get(0);
        }
        return groups.computeIfAbsent(request.cooperativeId(), GroupCommit::new).post(draft);
    }

    /**
     * Posts up to {@link LedgerLimits#MAX_BATCH_ENTRIES} entries of one cooperative in one transaction
     * (imports, close of business): all of them or, if any is refused, none.
     */
    @PreAuthorize(Permissions.POST)
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
     * Not public: only an approved request carries it out ({@link Approvals#approve}), naming both people.
     */
    @PreAuthorize(Permissions.POST)
    PostingResult reverse(long cooperativeId, long entryId, String reason, String idempotencyKey, String actor) {
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

    /** All or nothing: the first refusal refuses the whole list. */
    private List<PostingResult> write(long cooperativeId, List<Draft> drafts) {
        Set<String> keys = new HashSet<>();
        for (Draft d : drafts) {
            DomainException.require(keys.add(d.request().idempotencyKey()), "ledger.batch.duplicate-key",
                    d.request().idempotencyKey());
        }
        return dsl.transactionResult(configuration -> new Posting(configuration.dsl(), cooperativeId, drafts, false).run())
                .stream().map(Outcome::result).toList();
    }

    /** What became of one draft of a group: its result, or why it was refused. */
    private record Outcome(PostingResult result, DomainException refusal) {
    }

    /** At most this many postings share one group commit. */
    static final int MAX_GROUP = 64;

    private final Map<Long, GroupCommit> groups = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The group commit of one cooperative. The first poster becomes the leader and writes everything
     * queued (up to {@link #MAX_GROUP}, one draft per key) in one transaction; then it hands the
     * leadership to the oldest waiting poster, so no caller works for others for more than one round.
     */
    private final class GroupCommit {
        private final long cooperativeId;
        private final java.util.ArrayDeque<Pending> queue = new java.util.ArrayDeque<>();
        private boolean leading;

        GroupCommit(long cooperativeId) {
            this.cooperativeId = cooperativeId;
        }

        private record Pending(Draft draft, java.util.concurrent.CompletableFuture<PostingResult> result,
                               java.util.concurrent.CompletableFuture<Void> lead) {
        }

        PostingResult post(Draft draft) {
            Pending me = new Pending(draft, new java.util.concurrent.CompletableFuture<>(),
                    new java.util.concurrent.CompletableFuture<>());
            boolean lead;
            synchronized (this) {
                queue.add(me);
                lead = !leading;
                leading = true;
            }
            if (!lead) {
                java.util.concurrent.CompletableFuture.anyOf(me.result(), me.lead()).handle((done, failed) -> null).join();
            }
            if (!me.result().isDone()) {
                commitRound();
            }
            try {
                return me.result().join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** One round as leader; then passes the leadership on, or gives it up when nobody waits. */
        private void commitRound() {
            List<Pending> group = new ArrayList<>();
            synchronized (this) {
                Set<String> keys = new HashSet<>();
                java.util.Iterator<Pending> it = queue.iterator();
                while (it.hasNext() && group.size() < MAX_GROUP) {
                    Pending p = it.next();
                    if (keys.add(p.draft().request().idempotencyKey())) { // a repeated key waits for the next round
                        group.add(p);
                        it.remove();
                    }
                }
            }
            try {
                commit(group);
            } catch (Error e) {
                group.forEach(p -> p.result().completeExceptionally(e)); // nobody waits for ever
                throw e;
            } finally {
                synchronized (this) {
                    Pending next = queue.peek();
                    if (next == null) {
                        leading = false;
                    } else {
                        next.lead().complete(null);
                    }
                }
            }
        }

        private void commit(List<Pending> group) {
            List<Draft> drafts = group.stream().map(Pending::draft).toList();
            List<Outcome> outcomes;
            try {
                outcomes = dsl.transactionResult(configuration ->
                        new Posting(configuration.dsl(), cooperativeId, drafts, true).run());
            } catch (RuntimeException e) {
                if (group.size() == 1) {
                    group.get(0).result().completeExceptionally(e);
                    return;
                }
                // an unexpected failure of the group: each posting gets its own transaction and its own answer
                for (Pending p : group) {
                    try {
                        p.result().complete(write(cooperativeId, List.of(p.draft())).get(0));
                    } catch (RuntimeException single) {
                        p.result().completeExceptionally(single);
                    }
                }
                return;
            }
            for (int i = 0; i < group.size(); i++) {
                Outcome o = outcomes.get(i);
                if (o.refusal() != null) {
                    group.get(i).result().completeExceptionally(o.refusal());
                } else {
                    group.get(i).result().complete(o.result());
                }
            }
        }
    }

    /** A request on its way in, with what the chain needs beyond it. */
    record Draft(PostingRequest request, Long reversesEntryId, String reversalReason, String requestHash) {

        /** Checked before it is hashed: the hash reads every line and writes out every amount. */
        static Draft of(PostingRequest r, Long reversesEntryId, String reason) {
            validateShape(r);
            String hash = EntryFingerprint.requestHash(r.valueDate(), r.description() == null ? null : r.description().strip(),
                    r.sourceType(), r.sourceRef(), reversesEntryId, r.lines());
            return new Draft(r, reversesEntryId, reason, hash);
        }

        private static void validateShape(PostingRequest r) {
            String key = r.idempotencyKey();
            DomainException.require(key != null && key.length() >= LedgerLimits.MIN_KEY && key.length() <= LedgerLimits.MAX_KEY
                    && LedgerLimits.KEY_PATTERN.matcher(key).matches(), "ledger.key.invalid", LedgerLimits.MIN_KEY, LedgerLimits.MAX_KEY);
            DomainException.require(r.description() != null && !r.description().isBlank()
                    && r.description().strip().length() <= LedgerLimits.MAX_DESCRIPTION, "ledger.description.invalid",
                    LedgerLimits.MAX_DESCRIPTION);
            DomainException.require(r.sourceType() != null && LedgerLimits.SOURCE_TYPE_PATTERN.matcher(r.sourceType()).matches(),
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
                Amounts.requireBounded(line.amount());
            }
        }
    }

    /** Running debit and credit totals of a locked account while a batch is checked. */
    private static final class Totals {
        final Account account;
        BigDecimal debits;
        BigDecimal credits;

        Totals(Account account, BigDecimal debits, BigDecimal credits) {
            this.account = account;
            this.debits = debits;
            this.credits = credits;
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

    /** A draft whose lines were resolved to accounts and checked, before any lock is taken. */
    private record Checked(Draft draft, List<EntryLine> lines) {
    }

    /** An entry checked and sealed, ready to insert. */
    private record Sealed(Draft draft, long sequence, LocalDate bookingDate, LocalDate valueDate, String description,
                          Instant createdAt, String prevHash, String hash, List<EntryLine> lines) {
    }

    /**
     * One posting transaction, arranged to hold the cooperative's head lock for as short a time as
     * possible (every posting of the cooperative waits for it): idempotency replays, account resolution
     * and the per-currency balance check happen before the lock; under it, three statements: lock the
     * head (re-checking the keys), lock the accounts, write entries, lines and the new head in one
     * statement.
     */
    private final class Posting {
        private final DSLContext tx;
        private final long cooperativeId;
        private final List<Draft> drafts;
        /** Refusals by key when each draft stands alone (group commit); null when all or nothing. */
        private final Map<String, DomainException> refused;

        Posting(DSLContext tx, long cooperativeId, List<Draft> drafts, boolean isolate) {
            this.tx = tx;
            this.cooperativeId = cooperativeId;
            this.drafts = drafts;
            this.refused = isolate ? new HashMap<>() : null;
        }

        /** Refuses one draft: records it when drafts stand alone, else refuses them all. */
        private void refuse(Draft d, DomainException e) {
            if (refused == null) {
                throw e;
            }
            refused.put(d.request().idempotencyKey(), e);
        }

        List<Outcome> run() {
            Map<String, Record> existing = existingByKey(drafts.stream().map(d -> d.request().idempotencyKey()).toList());
            List<Draft> fresh = freshOnly(existing);
            if (fresh.isEmpty()) {
                return results(existing, Map.of());
            }
            Map<String, Account> accounts = resolveAccounts(fresh);
            List<Checked> checked = new ArrayList<>();
            for (Draft d : fresh) {
                try {
                    checked.add(check(d, accounts));
                } catch (DomainException e) {
                    refuse(d, e);
                }
            }
            if (checked.isEmpty()) {
                return results(existing, Map.of());
            }

            Record head = lockHead(fresh);
            String[] taken = head.get("taken", String[].class);
            if (taken != null && taken.length > 0) {
                // the same key was committed by a concurrent request while this one was being checked
                existing = existingByKey(drafts.stream().map(d -> d.request().idempotencyKey()).toList());
                fresh = freshOnly(existing);
                Set<String> stillFresh = new HashSet<>();
                fresh.forEach(d -> stillFresh.add(d.request().idempotencyKey()));
                checked = checked.stream().filter(c -> stillFresh.contains(c.draft().request().idempotencyKey())).toList();
                if (checked.isEmpty()) {
                    return results(existing, Map.of());
                }
            }
            List<Checked> notReversed = new ArrayList<>();
            for (Checked c : checked) {
                try {
                    if (c.draft().reversesEntryId() != null) {
                        requireNotReversed(c.draft().reversesEntryId());
                    }
                    notReversed.add(c);
                } catch (DomainException e) {
                    refuse(c.draft(), e);
                }
            }
            checked = notReversed;
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(head.get(COOPERATIVE.TIME_ZONE))));
            List<Sealed> sealed = seal(checked, lockAccounts(accounts.values()), today, head.get(COOPERATIVE.CODE),
                    head.get(LEDGER_HEAD.CLOSED_THROUGH), head.get(LEDGER_HEAD.LAST_SEQUENCE), head.get(LEDGER_HEAD.LAST_HASH));
            Map<String, JournalEntry> entries = new HashMap<>();
            if (!sealed.isEmpty()) {
                Map<Long, Long> ids = write(sealed);
                sealed.forEach(s -> entries.put(s.draft().request().idempotencyKey(), toEntry(ids.get(s.sequence()), s)));
            }
            return results(existing, entries);
        }

        private List<Draft> freshOnly(Map<String, Record> existing) {
            List<Draft> fresh = new ArrayList<>();
            for (Draft d : drafts) {
                Record prior = existing.get(d.request().idempotencyKey());
                if (prior == null) {
                    fresh.add(d);
                } else if (!prior.get(JOURNAL_ENTRY.REQUEST_HASH).equals(d.requestHash())) {
                    refuse(d, DomainException.conflict("ledger.idempotency.conflict", d.request().idempotencyKey()));
                }
            }
            return fresh;
        }

        private List<Outcome> results(Map<String, Record> existing, Map<String, JournalEntry> written) {
            List<Outcome> results = new ArrayList<>(drafts.size());
            for (Draft d : drafts) {
                String key = d.request().idempotencyKey();
                JournalEntry entry = written.get(key);
                DomainException refusal = refused == null ? null : refused.get(key);
                if (refusal != null) {
                    results.add(new Outcome(null, refusal));
                } else if (entry != null) {
                    results.add(new Outcome(new PostingResult(entry, false), null));
                } else {
                    results.add(new Outcome(new PostingResult(
                            loadEntry(tx, cooperativeId, existing.get(key).get(JOURNAL_ENTRY.ID)), true), null));
                }
            }
            return results;
        }

        private Map<String, Record> existingByKey(List<String> keys) {
            Map<String, Record> byKey = new HashMap<>();
            tx.select(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.IDEMPOTENCY_KEY, JOURNAL_ENTRY.REQUEST_HASH)
                    .from(JOURNAL_ENTRY)
                    .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.in(keys)))
                    .forEach(r -> byKey.put(r.get(JOURNAL_ENTRY.IDEMPOTENCY_KEY), r));
            return byKey;
        }

        private Map<String, Account> resolveAccounts(List<Draft> fresh) {
            Set<String> codes = new LinkedHashSet<>();
            fresh.forEach(d -> d.request().lines().forEach(l -> codes.add(l.accountCode())));
            Map<String, Account> byCode = new HashMap<>();
            tx.selectFrom(LEDGER_ACCOUNT)
                    .where(LEDGER_ACCOUNT.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_ACCOUNT.CODE.in(codes)))
                    .forEach(r -> {
                        Account a = ChartOfAccounts.toAccount(r);
                        byCode.put(a.code(), a);
                    });
            return byCode;
        }

        /** Known, postable accounts; the currency's minor units; balanced in every currency. */
        private Checked check(Draft d, Map<String, Account> accounts) {
            List<EntryLine> lines = new ArrayList<>(d.request().lines().size());
            Map<String, BigDecimal[]> perCurrency = new TreeMap<>();
            for (PostingLine l : d.request().lines()) {
                Account a = accounts.get(l.accountCode());
                if (a == null) {
                    throw DomainException.invalid("ledger.account.unknown", l.accountCode());
                }
                DomainException.require(!a.header(), "ledger.account.header", l.accountCode());
                BigDecimal amount = Amounts.requireEntered(l.amount(), a.currency());
                lines.add(new EntryLine(lines.size() + 1, a.id(), a.code(), l.side(), amount, a.currency()));
                BigDecimal[] dc = perCurrency.computeIfAbsent(a.currency(), c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                int side = l.side() == Side.DEBIT ? 0 : 1;
                dc[side] = dc[side].add(amount);
            }
            perCurrency.forEach((currency, dc) -> DomainException.require(dc[0].compareTo(dc[1]) == 0,
                    "ledger.entry.unbalanced", currency, dc[0].toPlainString(), dc[1].toPlainString()));
            return new Checked(d, lines);
        }

        /** The head row, locked; and which of the fresh keys were committed meanwhile. */
        private Record lockHead(List<Draft> fresh) {
            Field<String[]> taken = DSL.field(DSL.select(DSL.arrayAgg(JOURNAL_ENTRY.IDEMPOTENCY_KEY)).from(JOURNAL_ENTRY)
                    .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId)
                            .and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.in(fresh.stream().map(d -> d.request().idempotencyKey()).toList()))))
                    .as("taken");
            Record head = tx.select(LEDGER_HEAD.LAST_SEQUENCE, LEDGER_HEAD.LAST_HASH, LEDGER_HEAD.CLOSED_THROUGH,
                            COOPERATIVE.TIME_ZONE, COOPERATIVE.CODE, taken)
                    .from(LEDGER_HEAD).join(COOPERATIVE).on(COOPERATIVE.ID.eq(LEDGER_HEAD.COOPERATIVE_ID))
                    .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId))
                    .forUpdate().of(LEDGER_HEAD)
                    .fetchOne();
            if (head == null) {
                throw DomainException.notFound("cooperative.not-found", cooperativeId);
            }
            return head;
        }

        private void requireNotReversed(long originalId) {
            Long sequence = tx.select(JOURNAL_ENTRY.SEQUENCE).from(JOURNAL_ENTRY)
                    .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.REVERSES_ENTRY_ID.eq(originalId)))
                    .fetchOne(JOURNAL_ENTRY.SEQUENCE);
            if (sequence != null) {
                throw DomainException.conflict("ledger.reversal.already", sequence);
            }
        }

        /** Locks every touched account in id order (the global lock order after the head) and reads its totals. */
        private Map<Long, Totals> lockAccounts(java.util.Collection<Account> accounts) {
            Map<Long, Account> byId = new HashMap<>();
            accounts.forEach(a -> byId.put(a.id(), a));
            Map<Long, Totals> totals = new HashMap<>();
            tx.select(LEDGER_ACCOUNT.ID, LEDGER_ACCOUNT.DEBIT_TOTAL, LEDGER_ACCOUNT.CREDIT_TOTAL).from(LEDGER_ACCOUNT)
                    .where(LEDGER_ACCOUNT.ID.in(byId.keySet()))
                    .orderBy(LEDGER_ACCOUNT.ID)
                    .forUpdate()
                    .forEach(r -> totals.put(r.value1(), new Totals(byId.get(r.value1()), r.value2(), r.value3())));
            return totals;
        }

        private List<Sealed> seal(List<Checked> checked, Map<Long, Totals> accounts, LocalDate today, String cooperativeCode,
                                  LocalDate closedThrough, long lastSequence, String lastHash) {
            List<Sealed> sealed = new ArrayList<>(checked.size());
            Instant createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            long sequence = lastSequence;
            String prevHash = lastHash;
            for (Checked c : checked) {
                PostingRequest r = c.draft().request();
                LocalDate valueDate = r.valueDate() != null ? r.valueDate() : today;
                try {
                    DomainException.require(!valueDate.isAfter(today), "ledger.value-date.future", valueDate);
                    DomainException.require(closedThrough == null || valueDate.isAfter(closedThrough),
                            "ledger.period.closed", valueDate, closedThrough);
                    applyWithinConstraints(c.lines(), accounts);
                } catch (DomainException e) {
                    refuse(c.draft(), e);
                    continue;
                }
                sequence++;
                String description = r.description().strip();
                Long reversed = c.draft().reversesEntryId();
                String hash = EntryFingerprint.hash(prevHash, new EntryFingerprint.Content(EntryFingerprint.CURRENT_VERSION,
                        cooperativeId, cooperativeCode, sequence, r.idempotencyKey(), today, valueDate, description,
                        r.sourceType(), r.sourceRef(), reversed, reversed == null ? null : sequenceOf(reversed),
                        c.draft().reversalReason(), r.actor(), createdAt, fingerprintLines(c.lines())));
                sealed.add(new Sealed(c.draft(), sequence, today, valueDate, description, createdAt, prevHash, hash, c.lines()));
                prevHash = hash;
            }
            return sealed;
        }

        /** The chain hashes the reversed entry by its sequence, which an export and import keeps. */
        private long sequenceOf(long entryId) {
            return tx.select(JOURNAL_ENTRY.SEQUENCE).from(JOURNAL_ENTRY)
                    .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.ID.eq(entryId)))
                    .fetchSingle(JOURNAL_ENTRY.SEQUENCE);
        }

        /**
         * Adds an entry's lines to the running totals; if a constraint flag would break, takes them back
         * out and refuses. Flags hold after each whole entry, the unit in which money moves.
         */
        private void applyWithinConstraints(List<EntryLine> lines, Map<Long, Totals> accounts) {
            Set<Totals> touched = new LinkedHashSet<>();
            for (EntryLine line : lines) {
                Totals t = accounts.get(line.accountId());
                t.add(line.side(), line.amount());
                touched.add(t);
            }
            try {
                touched.forEach(Totals::requireWithinConstraint);
            } catch (DomainException e) {
                for (EntryLine line : lines) {
                    accounts.get(line.accountId()).add(line.side(), line.amount().negate());
                }
                throw e;
            }
        }

        /**
         * Entries, their lines and the new chain head in one statement (arrays unnested, so the statement
         * is the same size for one entry or a thousand). The balance trigger then checks every entry of
         * the statement and updates the maintained balances.
         */
        private Map<Long, Long> write(List<Sealed> sealed) {
            int n = sealed.size();
            int lineCount = sealed.stream().mapToInt(s -> s.lines().size()).sum();
            Long[] seq = new Long[n];
            String[] keys = new String[n];
            String[] requestHashes = new String[n];
            LocalDate[] bookingDates = new LocalDate[n];
            LocalDate[] valueDates = new LocalDate[n];
            String[] descriptions = new String[n];
            String[] sourceTypes = new String[n];
            String[] sourceRefs = new String[n];
            Long[] reverses = new Long[n];
            String[] reasons = new String[n];
            String[] actors = new String[n];
            OffsetDateTime[] createdAts = new OffsetDateTime[n];
            Short[] lineCounts = new Short[n];
            String[] prevHashes = new String[n];
            String[] hashes = new String[n];
            Long[] lineSeq = new Long[lineCount];
            Short[] lineNo = new Short[lineCount];
            Long[] accountIds = new Long[lineCount];
            String[] sides = new String[lineCount];
            BigDecimal[] amounts = new BigDecimal[lineCount];
            String[] currencies = new String[lineCount];
            LocalDate[] lineDates = new LocalDate[lineCount];
            int i = 0;
            int j = 0;
            for (Sealed s : sealed) {
                PostingRequest r = s.draft().request();
                seq[i] = s.sequence();
                keys[i] = r.idempotencyKey();
                requestHashes[i] = s.draft().requestHash();
                bookingDates[i] = s.bookingDate();
                valueDates[i] = s.valueDate();
                descriptions[i] = s.description();
                sourceTypes[i] = r.sourceType();
                sourceRefs[i] = r.sourceRef();
                reverses[i] = s.draft().reversesEntryId();
                reasons[i] = s.draft().reversalReason();
                actors[i] = r.actor();
                createdAts[i] = s.createdAt().atOffset(ZoneOffset.UTC);
                lineCounts[i] = (short) s.lines().size();
                prevHashes[i] = s.prevHash();
                hashes[i] = s.hash();
                i++;
                for (EntryLine l : s.lines()) {
                    lineSeq[j] = s.sequence();
                    lineNo[j] = (short) l.lineNo();
                    accountIds[j] = l.accountId();
                    sides[j] = l.side().code();
                    amounts[j] = l.amount();
                    currencies[j] = l.currency();
                    lineDates[j] = s.valueDate();
                    j++;
                }
            }
            Sealed last = sealed.get(n - 1);
            Map<Long, Long> idBySequence = new HashMap<>();
            tx.resultQuery("""
                            with e as (
                              insert into journal_entry (cooperative_id, sequence, idempotency_key, request_hash, booking_date,
                                value_date, description, source_type, source_ref, reverses_entry_id, reversal_reason, created_by,
                                created_at, line_count, prev_hash, hash, hash_version)
                              select {0}, u.*, {25} from unnest({1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15}) as u
                              returning id, sequence),
                            l as (
                              insert into journal_line (cooperative_id, entry_id, line_no, account_id, side, amount, currency, value_date)
                              select {0}, e.id, u.line_no, u.account_id, u.side, u.amount, u.currency, u.value_date
                              from unnest({16}, {17}, {18}, {19}, {20}, {21}, {22})
                                   as u(seq, line_no, account_id, side, amount, currency, value_date)
                              join e on e.sequence = u.seq),
                            h as (
                              update ledger_head set last_sequence = {23}, last_hash = {24} where cooperative_id = {0})
                            select id, sequence from e""",
                            DSL.val(cooperativeId), DSL.val(seq), DSL.val(keys), DSL.val(requestHashes),
                            DSL.val(bookingDates), DSL.val(valueDates), DSL.val(descriptions), DSL.val(sourceTypes),
                            DSL.val(sourceRefs), DSL.val(reverses), DSL.val(reasons), DSL.val(actors), DSL.val(createdAts),
                            DSL.val(lineCounts), DSL.val(prevHashes), DSL.val(hashes),
                            DSL.val(lineSeq), DSL.val(lineNo), DSL.val(accountIds), DSL.val(sides), DSL.val(amounts),
                            DSL.val(currencies), DSL.val(lineDates),
                            DSL.val(last.sequence()), DSL.val(last.hash()), DSL.val(EntryFingerprint.CURRENT_VERSION))
                    .fetch()
                    .forEach(r -> idBySequence.put(r.get(1, Long.class), r.get(0, Long.class)));
            return idBySequence;
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
