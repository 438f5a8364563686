package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.lumbung.db.jooq.Tables.COOPERATIVE;
import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * One posting transaction: shape checks and request hashes are done before (see {@link Draft}); here, under
 * the cooperative's head lock (every posting of the cooperative waits for it), one round trip each: lock the
 * head, find which keys were already booked (replays and conflicts), resolve the accounts with their
 * maintained totals, then check, seal the entries into the chain, and write entries, lines and the new
 * head in one statement. Nothing is read twice: under the lock, what was committed before is final (every
 * posting of the cooperative holds the same lock until it commits), so a key or a total read then cannot
 * change before this transaction commits.
 */
final class PostingPipeline {

    /** A draft whose lines were resolved to accounts and checked, before any lock is taken. */
    private record Checked(Draft draft, List<EntryLine> lines) {
    }

    private final DSLContext tx;
    private final Clock clock;
    private final long cooperativeId;
    private final List<Draft> drafts;
    /** Refusals by key when each draft stands alone (group commit); null when all or nothing. */
    private final @Nullable Map<String, DomainException> refused;
    /** The drafts' keys booked before, read under the head lock by {@link #run}. */
    private @Nullable Map<String, Record> existing;

    PostingPipeline(DSLContext tx, Clock clock, long cooperativeId, List<Draft> drafts, boolean isolate) {
        this.tx = tx;
        this.clock = clock;
        this.cooperativeId = cooperativeId;
        this.drafts = drafts;
        this.refused = isolate ? new HashMap<>() : null;
    }

    /** Refuses one draft: records it when drafts stand alone, else refuses them all. */
    private void refuse(Draft d, DomainException e) {
        if (refused == null) {
            throw e;
        }
        refused.put(d.key(), e);
    }

    /** The chain's head as a batch is sealed on it, with what the sealing needs of its cooperative. */
    record Head(long lastSequence, String lastHash, @Nullable LocalDate closedThrough, String timeZone, String cooperativeCode) {

        /** The head the sealed entries leave: the last one's sequence and hash. */
        Head after(List<SealedEntry> sealed) {
            SealedEntry last = sealed.get(sealed.size() - 1);
            return new Head(last.sequence(), last.hash(), closedThrough, timeZone, cooperativeCode);
        }
    }

    /**
     * Where a pipelined batch starts: the head it is sealed on and the running totals of every account the
     * batches before it in the pipeline touched (their effect is not committed yet, so the maintained totals
     * do not show it). Valid only as long as no other posting comes between: the head check proves that.
     */
    record Tail(Head head, Map<Long, RunningTotals> totals) {
    }

    /** Another posting came between, or a pipelined batch cannot be booked as it stands: post it on its own. */
    static final class Stall extends RuntimeException {
        Stall(String why) {
            super(why, null, false, false);
        }
    }

    List<Outcome> run() {
        Head head = lockHead();
        existing = existingByKey();
        List<Draft> fresh = freshOnly();
        if (fresh.isEmpty()) {
            return results(Map.of());
        }
        Map<String, LockedAccount> accounts = resolveAccounts(fresh);
        List<Checked> checked = new ArrayList<>();
        for (Draft d : fresh) {
            try {
                checked.add(check(d, accounts));
            } catch (DomainException e) {
                refuse(d, e);
            }
        }
        checked = notYetReversed(checked);
        if (checked.isEmpty()) {
            return results(Map.of());
        }
        List<SealedEntry> sealed = seal(checked, runningTotals(accounts.values()), head);
        Map<String, JournalEntry> entries = new HashMap<>();
        if (!sealed.isEmpty()) {
            Map<Long, Long> ids = EntryWriter.write(tx, cooperativeId, sealed);
            // every entry's id came back from its insert
            sealed.forEach(s -> entries.put(s.draft().key(), s.toEntry(Objects.requireNonNull(ids.get(s.sequence())))));
        }
        return results(entries);
    }

    /**
     * A batch of a pipeline (all or nothing, nothing booked before): reads its accounts while the batch
     * before it may still be writing, seals its entries onto that batch's tail once it is known,
     * hands its own tail on to the next batch, then writes. The head moves only from the head it was sealed
     * on (see {@link EntryWriter#writeOnto}), so a posting that came between, or a batch before it that
     * rolled back, makes it a {@link Stall}: rolled back, and posted again on its own.
     *
     * <p>Anything but the plain case (a key already booked, found by the insert; a refusal) also stalls it:
     * the batch is then posted through {@link #run}, which replays and refuses with the ledger's authority.
     */
    List<PostingResult> runOnto(CompletableFuture<Tail> before, CompletableFuture<Tail> after,
                                CompletableFuture<?> turn, CompletableFuture<Void> holding) {
        // no look-up of the keys: a key booked before fails the entries' insert (the unique key on cooperative
        // and idempotency key), which stalls the batch, and the batch posted on its own replays it; an
        // importer's keys are new, and a thousand index probes a batch are spared
        Map<String, LockedAccount> accounts = resolveAccounts(drafts);
        List<Checked> checked = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            if (d.reversesEntryId() != null) {
                throw new Stall("a reversal is checked under the head lock");
            }
            checked.add(check(d, accounts));
        }
        Tail tail = before.join();
        Map<Long, RunningTotals> totals = new HashMap<>();
        accounts.values().forEach(a -> {
            RunningTotals carried = tail.totals().get(a.id());
            totals.put(a.id(), carried == null ? new RunningTotals(a) : carried.copy());
        });
        List<SealedEntry> sealed = seal(checked, totals, tail.head());
        Map<Long, RunningTotals> carried = new HashMap<>(tail.totals());
        carried.putAll(totals);
        after.complete(new Tail(tail.head().after(sealed), carried));
        Map<Long, Long> ids = EntryWriter.writeOnto(tx, cooperativeId, sealed, tail.head(), turn, holding)
                .orElseThrow(() -> new Stall("another posting moved the head"));
        return sealed.stream().map(s -> new PostingResult(s.toEntry(Objects.requireNonNull(ids.get(s.sequence()))), false))
                .toList();
    }

    /** The head as it stands, unlocked: where a pipeline starts (its first batch proves it is still the head). */
    static Head currentHead(DSLContext dsl, long cooperativeId) {
        return headOf(headRow(dsl, cooperativeId).fetchOne(), cooperativeId);
    }

    /** The cooperative's head row with what sealing needs of the cooperative. */
    private static SelectConditionStep<? extends Record> headRow(DSLContext dsl, long cooperativeId) {
        return dsl.select(LEDGER_HEAD.LAST_SEQUENCE, LEDGER_HEAD.LAST_HASH, LEDGER_HEAD.CLOSED_THROUGH,
                        COOPERATIVE.TIME_ZONE, COOPERATIVE.CODE)
                .from(LEDGER_HEAD).join(COOPERATIVE).on(COOPERATIVE.ID.eq(LEDGER_HEAD.COOPERATIVE_ID))
                .where(LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId));
    }

    private static Head headOf(@Nullable Record head, long cooperativeId) {
        if (head == null) {
            throw DomainException.notFound("cooperative.not-found", cooperativeId);
        }
        return new Head(head.get(LEDGER_HEAD.LAST_SEQUENCE), head.get(LEDGER_HEAD.LAST_HASH),
                head.get(LEDGER_HEAD.CLOSED_THROUGH), head.get(COOPERATIVE.TIME_ZONE), head.get(COOPERATIVE.CODE));
    }

    private List<Draft> freshOnly() {
        List<Draft> fresh = new ArrayList<>();
        for (Draft d : drafts) {
            Record prior = Objects.requireNonNull(existing).get(d.key());
            if (prior == null) {
                fresh.add(d);
            } else if (!prior.get(JOURNAL_ENTRY.REQUEST_HASH).equals(d.requestHash())) {
                refuse(d, DomainException.conflict("ledger.idempotency.conflict", d.key()));
            }
        }
        return fresh;
    }

    private List<Outcome> results(Map<String, JournalEntry> written) {
        Map<String, Record> existing = Objects.requireNonNull(this.existing);
        // the entries booked before under the batch's keys (a key booked with other content is refused below)
        Map<Long, JournalEntry> replayed = EntryReader.loadAll(tx, cooperativeId,
                existing.values().stream().map(r -> r.get(JOURNAL_ENTRY.ID)).toList());
        List<Outcome> results = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            JournalEntry entry = written.get(d.key());
            DomainException refusal = refused == null ? null : refused.get(d.key());
            if (refusal != null) {
                results.add(new Outcome(null, refusal));
            } else if (entry != null) {
                results.add(new Outcome(new PostingResult(entry, false), null));
            } else {
                // neither written nor refused: booked before under its key (freshOnly), and read back above
                Record prior = Objects.requireNonNull(existing.get(d.key()));
                results.add(new Outcome(new PostingResult(
                        Objects.requireNonNull(replayed.get(prior.get(JOURNAL_ENTRY.ID))), true), null));
            }
        }
        return results;
    }

    private Map<String, Record> existingByKey() {
        Map<String, Record> byKey = new HashMap<>();
        tx.select(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.IDEMPOTENCY_KEY, JOURNAL_ENTRY.REQUEST_HASH)
                .from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId)
                        .and(JOURNAL_ENTRY.IDEMPOTENCY_KEY.eq(DSL.any(keysOf(drafts)))))
                .forEach(r -> byKey.put(r.get(JOURNAL_ENTRY.IDEMPOTENCY_KEY), r));
        return byKey;
    }

    /**
     * Keys, codes and ids go to PostgreSQL as one array parameter (= any), not as a list of up to a
     * thousand parameters (IN): one value to send and parse, and one statement text whatever the count.
     */
    private static String[] keysOf(List<Draft> drafts) {
        return drafts.stream().map(Draft::key).toArray(String[]::new);
    }

    /** The accounts the drafts name, by code, with their maintained totals as of the head lock. */
    private Map<String, LockedAccount> resolveAccounts(List<Draft> fresh) {
        Set<String> codes = new LinkedHashSet<>();
        fresh.forEach(d -> d.request().lines().forEach(l -> codes.add(l.accountCode())));
        return LockedAccount.byCode(tx, cooperativeId, codes);
    }

    /** Known, postable accounts; the currency's minor units; balanced in every currency. */
    private static Checked check(Draft d, Map<String, LockedAccount> accounts) {
        List<EntryLine> lines = new ArrayList<>(d.request().lines().size());
        Map<String, BigDecimal[]> perCurrency = new TreeMap<>();
        for (PostingLine l : d.request().lines()) {
            LockedAccount a = accounts.get(l.accountCode());
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
        perCurrency.forEach((currency, dc) -> {
            if (dc[0].compareTo(dc[1]) != 0) {
                throw DomainException.invalid("ledger.entry.unbalanced", currency, dc[0].toPlainString(), dc[1].toPlainString());
            }
        });
        return new Checked(d, lines);
    }

    /** The head row, locked: from here on, every earlier posting of the cooperative is committed and visible. */
    private Head lockHead() {
        return headOf(headRow(tx, cooperativeId).forUpdate().of(LEDGER_HEAD).fetchOne(), cooperativeId);
    }

    /** Reversals whose original nobody reversed meanwhile (checked under the head lock). */
    private List<Checked> notYetReversed(List<Checked> checked) {
        List<Checked> notReversed = new ArrayList<>();
        for (Checked c : checked) {
            Long original = c.draft().reversesEntryId();
            Long sequence = original == null ? null : tx.select(JOURNAL_ENTRY.SEQUENCE).from(JOURNAL_ENTRY)
                    .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.REVERSES_ENTRY_ID.eq(original)))
                    .fetchOne(JOURNAL_ENTRY.SEQUENCE);
            if (sequence == null) {
                notReversed.add(c);
            } else {
                refuse(c.draft(), DomainException.conflict("ledger.reversal.already", sequence));
            }
        }
        return notReversed;
    }

    /**
     * The running totals start from the maintained totals read with the accounts, under the head lock and
     * without row locks of their own: the totals change only in the posting trigger, only by a posting, and
     * every posting of the cooperative (whose accounts these are) holds its head lock until it commits. So
     * no other transaction can change them before this one commits. Locking each account row as well cost a
     * tuple lock and a WAL record per account (several hundred per batch) for no further exclusion; the
     * trigger's UPDATE locks them anyway.
     */
    private static Map<Long, RunningTotals> runningTotals(Collection<LockedAccount> accounts) {
        Map<Long, RunningTotals> totals = new HashMap<>();
        accounts.forEach(a -> totals.put(a.id(), new RunningTotals(a)));
        return totals;
    }

    /**
     * Dates, balance constraints, then the chain: each accepted entry gets the next sequence and hash. The
     * checks run in order (each sees the running totals the entries before it left), and so does the chain
     * (each hash covers the one before); the canonical text of each entry, the bulk of the sealing work,
     * depends on nothing but its own entry, so a large batch writes those texts on all cores while the
     * head lock is held.
     */
    private List<SealedEntry> seal(List<Checked> checked, Map<Long, RunningTotals> accounts, Head head) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(head.timeZone())));
        LocalDate closedThrough = head.closedThrough();
        String cooperativeCode = head.cooperativeCode();
        Instant createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Accepted> accepted = new ArrayList<>(checked.size());
        long sequence = head.lastSequence();
        for (Checked c : checked) {
            PostingRequest r = c.draft().request();
            LocalDate valueDate = r.valueDate() != null ? r.valueDate() : today;
            try {
                DomainException.require(!valueDate.isAfter(today), "ledger.value-date.future", valueDate);
                DomainException.require(closedThrough == null || valueDate.isAfter(closedThrough),
                        "ledger.period.closed", valueDate, closedThrough);
                applyWithinConstraints(c, accounts);
            } catch (DomainException e) {
                refuse(c.draft(), e);
                continue;
            }
            sequence++;
            String description = r.description().strip();
            Long reversed = c.draft().reversesEntryId();
            accepted.add(new Accepted(c, valueDate, description, new EntryFingerprint.Content(EntryFingerprint.CURRENT_VERSION,
                    cooperativeId, cooperativeCode, sequence, r.idempotencyKey(), today, valueDate, description,
                    r.sourceType(), r.sourceRef(), reversed, reversed == null ? null : sequenceOf(reversed),
                    c.draft().reversalReason(), r.actor(), createdAt, fingerprintLines(c.lines()))));
        }
        List<String> texts = (accepted.size() < Draft.PARALLEL_FROM ? accepted.stream() : accepted.parallelStream())
                .map(a -> EntryFingerprint.canonical(a.content())).toList();
        List<SealedEntry> sealed = new ArrayList<>(accepted.size());
        String prevHash = head.lastHash();
        for (int i = 0; i < accepted.size(); i++) {
            Accepted a = accepted.get(i);
            String hash = EntryFingerprint.chained(prevHash, texts.get(i));
            sealed.add(new SealedEntry(a.checked().draft(), a.content().sequence(), today, a.valueDate(), a.description(),
                    createdAt, prevHash, hash, a.checked().lines()));
            prevHash = hash;
        }
        return sealed;
    }

    /** An entry that passed its checks, with its sequence and the content its hash covers. */
    private record Accepted(Checked checked, LocalDate valueDate, String description, EntryFingerprint.Content content) {
    }

    /** The chain hashes the reversed entry by its sequence, which an export and import keeps. */
    private long sequenceOf(long entryId) {
        return tx.select(JOURNAL_ENTRY.SEQUENCE).from(JOURNAL_ENTRY)
                .where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(cooperativeId).and(JOURNAL_ENTRY.ID.eq(entryId)))
                .fetchSingle(JOURNAL_ENTRY.SEQUENCE);
    }

    /**
     * Adds an entry's lines to the running totals; if a constraint flag would break or the caller's
     * precondition refuses, takes them back out and refuses. Flags and preconditions hold after each
     * whole entry, the unit in which money moves.
     */
    private static void applyWithinConstraints(Checked c, Map<Long, RunningTotals> accounts) {
        Set<RunningTotals> touched = new LinkedHashSet<>();
        for (EntryLine line : c.lines()) {
            // the running totals hold every account the entry's lines name (resolved before sealing)
            RunningTotals t = Objects.requireNonNull(accounts.get(line.accountId()));
            t.add(line.side(), line.amount());
            touched.add(t);
        }
        try {
            // the caller's rule first: its reason is the more specific one (a minimum balance before "overdrawn")
            c.draft().precondition().check(new Balances(c.lines(), accounts));
            touched.forEach(RunningTotals::requireWithinConstraint);
        } catch (DomainException e) {
            for (EntryLine line : c.lines()) {
                Objects.requireNonNull(accounts.get(line.accountId())).add(line.side(), line.amount().negate());
            }
            throw e;
        }
    }

    /** What a precondition sees: the running totals of the entry's own (locked) accounts. */
    private record Balances(List<EntryLine> lines, Map<Long, RunningTotals> accounts) implements Precondition.LockedBalances {

        @Override
        public BigDecimal after(String accountCode) {
            return Amounts.normalise(totals(accountCode).balance(), totals(accountCode).account.currency());
        }

        @Override
        public BigDecimal before(String accountCode) {
            RunningTotals t = totals(accountCode);
            BigDecimal balance = t.balance();
            for (EntryLine l : lines) {
                if (l.accountCode().equals(accountCode)) {
                    boolean adds = (l.side() == Side.DEBIT) == t.account.type().debitNormal();
                    balance = adds ? balance.subtract(l.amount()) : balance.add(l.amount());
                }
            }
            return Amounts.normalise(balance, t.account.currency());
        }

        private RunningTotals totals(String accountCode) {
            for (EntryLine l : lines) {
                if (l.accountCode().equals(accountCode)) {
                    return Objects.requireNonNull(accounts.get(l.accountId()));
                }
            }
            throw new IllegalArgumentException("a precondition reads only the accounts its entry touches: " + accountCode);
        }
    }

    static List<EntryFingerprint.Line> fingerprintLines(List<EntryLine> lines) {
        return lines.stream().map(l -> new EntryFingerprint.Line(l.lineNo(), l.accountCode(), l.side(), l.amount(),
                l.currency())).toList();
    }
}
