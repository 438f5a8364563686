package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.lumbung.db.jooq.Tables.LEDGER_HEAD;

/**
 * The only way money moves in Lumbung: posting balanced journal entries to the append-only ledger. This
 * facade checks who may post and routes each posting: {@link Draft} validates its shape, {@link GroupCommit}
 * gathers concurrent postings of a cooperative (each group under exactly that cooperative's row-level-security
 * scope, see {@link CooperativeTransaction}), {@link PostingPipeline} locks, checks, seals and writes
 * them (with {@link EntryWriter}), {@link EntryReader} reads posted entries back.
 *
 * <p>Invariants, asserted here where requests enter and again by the database before rows are written:
 * every entry has 2..200 lines and balances in each currency; amounts are positive with the currency's
 * minor units; each maintained balance equals the sum of its lines; no balance constraint flag is ever
 * violated; sequences per cooperative are gapless; each entry's hash links to its predecessor's.
 *
 * <p>Concurrency: a posting first locks its cooperative's ledger_head row, then the touched accounts in
 * id order. Every writer takes the locks in this one order, so postings never deadlock; the head lock
 * also makes sequence numbers and the chain a single line and the idempotency check authoritative. A
 * pipelined batch ({@link #postBatches}) inserts its rows before it holds the head, then takes it in the
 * same order (journal_line_head_lock), and gives up a wait that a posting holding the head depends on
 * (see {@link BatchPipeline}).
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class LedgerService {

    private final DSLContext dsl;
    private final Clock clock;
    private final Map<Long, GroupCommit> groups = new ConcurrentHashMap<>();
    private final GroupCommit.Writer groupWriter = new GroupCommit.Writer() {
        @Override
        public List<Outcome> group(long cooperativeId, List<Draft> drafts) {
            for (Draft d : drafts) {
                if (d.cooperativeId() != cooperativeId) {
                    throw new IllegalStateException("a draft of cooperative " + d.cooperativeId() + " in the group of " + cooperativeId);
                }
            }
            return CooperativeTransaction.run(dsl, cooperativeId, tx -> new PostingPipeline(tx, clock, cooperativeId, drafts, true).run());
        }

        @Override
        public PostingResult alone(long cooperativeId, Draft draft) {
            return write(cooperativeId, List.of(draft)).get(0);
        }
    };

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
    @PreAuthorize("@access.may('POST_ENTRY')")
    public PostingResult post(PostingRequest request) {
        return post(request, Precondition.NONE);
    }

    /**
     * Posts one entry if the caller's rule holds on the balances as they stand under the posting's locks
     * (see {@link Precondition}); otherwise refuses it with the rule's reason.
     */
    @PreAuthorize("@access.may('POST_ENTRY')")
    public PostingResult post(PostingRequest request, Precondition precondition) {
        DomainException.require(request != null, "ledger.batch.empty");
        DomainException.require(request.valueDate() != null, "ledger.value-date.missing");
        Draft draft = Draft.of(request, null, null).guardedBy(precondition == null ? Precondition.NONE : precondition);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return write(request.cooperativeId(), List.of(draft)).get(0);
        }
        requireInCallersScope(request.cooperativeId());
        return groups.computeIfAbsent(request.cooperativeId(), id -> new GroupCommit(id, groupWriter)).post(draft);
    }

    /**
     * Posts up to {@link LedgerLimits#MAX_BATCH_ENTRIES} entries of one cooperative in one transaction
     * (imports, close of business): all of them or, if any is refused, none.
     */
    @PreAuthorize("@access.may('POST_ENTRY')")
    public List<PostingResult> postBatch(List<PostingRequest> requests) {
        DomainException.require(requests != null, "ledger.batch.empty");
        return postBatchGuarded(requests.stream().map(GuardedPosting::of).toList());
    }

    /**
     * Posts an importer's batches for one cooperative, as many as {@code batches} gives, each as
     * {@link #postBatch} would (its own transaction, all of it or none, up to
     * {@link LedgerLimits#MAX_BATCH_ENTRIES} entries), and hands each batch's outcome to {@code outcomes} in
     * their order: its results, or why it was refused (which stops no other batch). Several batches are in
     * flight at a time (see {@link BatchPipeline}), so one importer keeps both cores busy; at most that many
     * are held, however many the source gives.
     */
    @PreAuthorize("@access.may('POST_ENTRY')")
    public void postBatches(long cooperativeId, Iterator<List<PostingRequest>> batches, Consumer<BatchOutcome> outcomes) {
        DomainException.require(batches != null && outcomes != null, "ledger.batch.empty");
        DomainException.require(!TransactionSynchronizationManager.isActualTransactionActive(), "ledger.batches.in-transaction");
        CooperativeLockOrder.require(cooperativeId);
        requireInCallersScope(cooperativeId);
        new BatchPipeline(dsl, clock, cooperativeId, drafts -> write(cooperativeId, drafts)).run(batches, batch -> {
            DomainException.require(batch != null && !batch.isEmpty(), "ledger.batch.empty");
            DomainException.require(batch.size() <= LedgerLimits.MAX_BATCH_ENTRIES, "ledger.batch.too-large",
                    LedgerLimits.MAX_BATCH_ENTRIES);
            List<Draft> drafts = Draft.allOf(batch.stream().map(GuardedPosting::of).toList(), batchRule(cooperativeId));
            requireDistinctKeys(drafts);
            return drafts;
        }, outcomes);
    }

    /** Every entry of a batch is of the batch's cooperative and names its value date. */
    private static Consumer<PostingRequest> batchRule(long cooperativeId) {
        return r -> {
            DomainException.require(r.cooperativeId() == cooperativeId, "ledger.batch.mixed-cooperatives");
            DomainException.require(r.valueDate() != null, "ledger.value-date.missing");
        };
    }

    /** A batch as {@link #postBatch}, each entry booked only if its precondition holds under the locks. */
    @PreAuthorize("@access.may('POST_ENTRY')")
    public List<PostingResult> postBatchGuarded(List<GuardedPosting> postings) {
        DomainException.require(postings != null && !postings.isEmpty(), "ledger.batch.empty");
        DomainException.require(postings.size() <= LedgerLimits.MAX_BATCH_ENTRIES, "ledger.batch.too-large",
                LedgerLimits.MAX_BATCH_ENTRIES);
        long cooperativeId = postings.get(0).request().cooperativeId();
        return write(cooperativeId, Draft.allOf(postings, batchRule(cooperativeId)));
    }

    /**
     * Corrects a posted entry by posting its mirror image today, linked to it. An entry is reversed at
     * most once (also a UNIQUE constraint); a reversal is not itself reversed: post a new entry instead.
     * Not public: only an approved request carries it out ({@link Approvals#approve}), naming both people.
     */
    @PreAuthorize("@access.may('POST_ENTRY')")
    PostingResult reverse(long cooperativeId, long entryId, String reason, String idempotencyKey, String actor) {
        return reversal(cooperativeId, entryId, reason, idempotencyKey, actor, Precondition.NONE);
    }

    /** The reversal, refused unless it passes {@code rule} under the ledger's locks (the features' {@link ReversalGuard}s). */
    @PreAuthorize("@access.may('POST_ENTRY')")
    PostingResult reverse(long cooperativeId, long entryId, String reason, String idempotencyKey, String actor, Precondition rule) {
        return reversal(cooperativeId, entryId, reason, idempotencyKey, actor, rule);
    }

    private PostingResult reversal(long cooperativeId, long entryId, String reason, String idempotencyKey, String actor,
                                   Precondition rule) {
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
        return write(cooperativeId, List.of(Draft.of(request, original.id(), reason.strip()).guardedBy(rule))).get(0);
    }

    /**
     * The group commit writes under the cooperative's scope, not the caller's: so first the caller's own
     * connection (carrying the caller's scope) must see the cooperative, as it would in its own transaction.
     */
    private void requireInCallersScope(long cooperativeId) {
        if (!dsl.fetchExists(LEDGER_HEAD, LEDGER_HEAD.COOPERATIVE_ID.eq(cooperativeId))) {
            throw DomainException.notFound("cooperative.not-found", cooperativeId);
        }
    }

    /** A posted entry of the cooperative, with its lines; not-found for another cooperative's entry. */
    public JournalEntry entry(long cooperativeId, long entryId) {
        return EntryReader.load(dsl, cooperativeId, entryId);
    }

    /** The entry that reversed this one, if any. */
    public Optional<JournalEntry> reversalOf(long cooperativeId, long entryId) {
        return EntryReader.reversalOf(dsl, cooperativeId, entryId);
    }

    /** All or nothing, in the caller's transaction if there is one: the first refusal refuses the whole list. */
    private List<PostingResult> write(long cooperativeId, List<Draft> drafts) {
        CooperativeLockOrder.require(cooperativeId);
        requireDistinctKeys(drafts);
        return dsl.transactionResult(c -> new PostingPipeline(c.dsl(), clock, cooperativeId, drafts, false).run())
                .stream().map(Outcome::result).toList();
    }

    private static void requireDistinctKeys(List<Draft> drafts) {
        Set<String> keys = new HashSet<>();
        for (Draft d : drafts) {
            DomainException.require(keys.add(d.key()), "ledger.batch.duplicate-key", d.key());
        }
    }
}
