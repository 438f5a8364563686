package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An importer's stream of batches for one cooperative, each its own all-or-nothing transaction, with
 * {@value #DEPTH} of them in flight at a time: while one batch's transaction waits for the head, runs the
 * posting trigger and commits, the next ones read their keys and accounts, are sealed onto the tail of the
 * one before (its head and running totals, known in memory before it commits) and write their entries.
 * One cooperative's batches follow each other in its chain, so one at a time a single importer keeps only
 * one core busy; this way it keeps both.
 *
 * <p>Invariants: the batches commit in their order and only onto each other (a batch's head check admits it
 * only onto the head its predecessor left, and the posting trigger makes it wait for that predecessor to
 * commit first), so what commits is a prefix of the batches in flight. The first batch that does not commit
 * is posted on its own ({@link PostingPipeline#run}, with the head locked first), which books, replays or
 * refuses it with the ledger's authority; the batches after it go into the pipeline again, started afresh
 * from the head as it then stands. So every batch is booked exactly once or refused, and its outcome is
 * handed on in the source's order, whatever came between. Memory: at most {@value #DEPTH} batches are
 * held, however long the source.
 */
final class BatchPipeline {

    private static final Logger log = LoggerFactory.getLogger(BatchPipeline.class);

    /** Batches in flight (see {@link LedgerLimits#PIPELINED_BATCHES}). */
    static final int DEPTH = LedgerLimits.PIPELINED_BATCHES;

    /** A batch in the window: its drafts (or why its shape was refused) and, once submitted, its transaction. */
    private static final class Slot {
        final @Nullable List<Draft> drafts;
        final @Nullable DomainException refused;
        @Nullable CompletableFuture<List<PostingResult>> run;

        Slot(@Nullable List<Draft> drafts, @Nullable DomainException refused) {
            this.drafts = drafts;
            this.refused = refused;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final long cooperativeId;
    /** One batch posted on its own, under the head lock: its results, or its refusal thrown. */
    private final Function<List<Draft>, List<PostingResult>> alone;
    private final Deque<Slot> window = new ArrayDeque<>();
    /** Batches taken back from the window after a stall, in order: submitted again before the source's next. */
    private final Deque<Slot> again = new ArrayDeque<>();
    /** The tail the next batch is sealed onto and the turn it waits for; null: start afresh from the head. */
    private @Nullable CompletableFuture<PostingPipeline.Tail> tail;
    private @Nullable CompletableFuture<Void> turn;

    BatchPipeline(DSLContext dsl, Clock clock, long cooperativeId, Function<List<Draft>, List<PostingResult>> alone) {
        this.dsl = dsl;
        this.clock = clock;
        this.cooperativeId = cooperativeId;
        this.alone = alone;
    }

    /**
     * Posts the source's batches, each drafted by {@code draft} (a shape it refuses is that batch's refusal),
     * handing each batch's outcome to {@code outcomes} in the source's order.
     */
    void run(Iterator<List<PostingRequest>> source, Function<List<PostingRequest>, List<Draft>> draft,
             Consumer<BatchOutcome> outcomes) {
        // the caller's security context travels with each batch: its connection carries the caller's actor
        // and read-only flag as the caller's own would (the scope is then narrowed to the cooperative)
        ExecutorService transactions = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(DEPTH, r -> {
            Thread t = new Thread(r, "lumbung-batch-pipeline-" + cooperativeId);
            t.setDaemon(true);
            return t;
        }));
        try {
            while (true) {
                fill(source, draft, transactions);
                Slot first = window.poll();
                if (first == null) {
                    return;
                }
                outcomes.accept(outcomeOf(first));
            }
        } finally {
            window.forEach(s -> settled(s.run));
            transactions.shutdown();
        }
    }

    private void fill(Iterator<List<PostingRequest>> source, Function<List<PostingRequest>, List<Draft>> draft,
                      ExecutorService transactions) {
        while (window.size() < DEPTH) {
            Slot next = !again.isEmpty() ? again.poll() : source.hasNext() ? drafted(source.next(), draft) : null;
            if (next == null) {
                return;
            }
            if (next.refused == null) {
                next.run = submit(Objects.requireNonNull(next.drafts), transactions); // drafted when not refused
            }
            window.add(next);
        }
    }

    private static Slot drafted(List<PostingRequest> batch, Function<List<PostingRequest>, List<Draft>> draft) {
        try {
            return new Slot(draft.apply(batch), null);
        } catch (DomainException refused) {
            return new Slot(null, refused);
        }
    }

    /** The batch's transaction, sealed onto the tail of the batch submitted before it. */
    private CompletableFuture<List<PostingResult>> submit(List<Draft> batch, ExecutorService transactions) {
        if (tail == null) {
            tail = CompletableFuture.completedFuture(new PostingPipeline.Tail(CooperativeTransaction.run(dsl, cooperativeId,
                    tx -> PostingPipeline.currentHead(tx, cooperativeId)), Map.of()));
            turn = CompletableFuture.completedFuture(null);
        }
        CompletableFuture<PostingPipeline.Tail> before = tail;
        // set together with the tail, never cleared
        CompletableFuture<Void> turnOfThis = Objects.requireNonNull(turn);
        CompletableFuture<PostingPipeline.Tail> after = new CompletableFuture<>();
        CompletableFuture<Void> holding = new CompletableFuture<>();
        tail = after;
        turn = holding;
        return CompletableFuture.supplyAsync(() -> {
            try {
                return CooperativeTransaction.run(dsl, cooperativeId, tx -> new PostingPipeline(tx, clock, cooperativeId,
                        batch, false).runOnto(before, after, turnOfThis, holding));
            } finally {
                // a batch that failed before handing its tail on, or before taking the head, stalls every batch after it
                PostingPipeline.Stall stall = new PostingPipeline.Stall("the batch before was not booked");
                after.completeExceptionally(stall);
                holding.completeExceptionally(stall);
            }
        }, transactions);
    }

    /**
     * The first batch of the window: committed through the pipeline, or else posted on its own, after every
     * batch chained onto it has given up and been taken back to be submitted again.
     */
    private BatchOutcome outcomeOf(Slot first) {
        if (first.refused != null) {
            return new BatchOutcome(null, first.refused);
        }
        try {
            // a slot in the window that was not refused has been submitted (fill)
            return new BatchOutcome(Objects.requireNonNull(first.run).join(), null);
        } catch (CompletionException e) {
            logUnexpected(e.getCause());
        }
        List<Slot> chained = new ArrayList<>(window);
        window.clear();
        for (int i = chained.size() - 1; i >= 0; i--) {
            Slot s = chained.get(i);
            if (s.run != null && settled(s.run)) {
                throw new IllegalStateException("a pipelined batch committed after one before it was not booked");
            }
            s.run = null;
            again.addFirst(s);
        }
        tail = null;
        try {
            return new BatchOutcome(alone.apply(Objects.requireNonNull(first.drafts)), null);
        } catch (DomainException refused) {
            return new BatchOutcome(null, refused);
        }
    }

    /** Waits for a batch's transaction to end; answers whether it committed. */
    private static boolean settled(@Nullable CompletableFuture<List<PostingResult>> run) {
        if (run == null) {
            return false;
        }
        try {
            run.join();
            return true;
        } catch (CompletionException e) {
            return false;
        }
    }

    /**
     * A stall or a refusal is the batch's own business: it is posted on its own next, which books, replays
     * or refuses it. Anything else is posted on its own too (where it fails again if it is no accident of
     * the pipeline), but said in the log: a pipeline should meet nothing else.
     */
    private void logUnexpected(@Nullable Throwable cause) {
        Throwable why = cause instanceof CompletionException c && c.getCause() != null ? c.getCause() : cause;
        if (!(why instanceof PostingPipeline.Stall) && !(why instanceof DomainException) && !overtaken(why)) {
            log.warn("a pipelined batch of cooperative {} failed; posting it on its own", cooperativeId, why);
        }
    }

    /**
     * Expected of a pipeline: another posting took the head while the batch's entries held their sequence
     * numbers, so the batch gave up its wait for the head (lock_not_available, see EntryWriter) or found its
     * numbers taken; or one of its keys was booked before (both unique_violation).
     */
    private static boolean overtaken(@Nullable Throwable why) {
        return why instanceof DataAccessException d && ("55P03".equals(d.sqlState()) || "23505".equals(d.sqlState()));
    }
}
