package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.lumbung.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * One importer's batches for one cooperative, each its own all-or-nothing transaction, with two of them in
 * flight at a time: while one batch's transaction waits for the head, runs the posting trigger and commits,
 * the next one reads its keys and accounts, is sealed onto the first one's tail (its head and running totals,
 * known in memory before it commits) and writes its entries and lines. One cooperative's batches follow each
 * other in its chain, so one at a time a single importer keeps only one core busy; this way it keeps two.
 *
 * <p>Invariants: the batches commit in their order and only onto each other (a batch's head check admits it
 * only onto the head its predecessor left, and the posting trigger makes it wait for that predecessor to
 * commit first), so what commits is a prefix of the pipeline; a batch after the prefix is posted on its own
 * ({@link PostingPipeline#run}, with the head locked first), which books, replays or refuses it with the
 * ledger's authority, and the pipeline starts again after it. So every batch is booked exactly once or
 * refused, in order, whatever came between.
 */
final class BatchPipeline {

    private static final Logger log = LoggerFactory.getLogger(BatchPipeline.class);

    /** Two transactions in flight: one core for each. */
    static final int DEPTH = 2;

    private final DSLContext dsl;
    private final Clock clock;
    private final long cooperativeId;
    /** One batch posted on its own, under the head lock: its results, or its refusal thrown. */
    private final Function<List<Draft>, List<PostingResult>> alone;

    BatchPipeline(DSLContext dsl, Clock clock, long cooperativeId, Function<List<Draft>, List<PostingResult>> alone) {
        this.dsl = dsl;
        this.clock = clock;
        this.cooperativeId = cooperativeId;
        this.alone = alone;
    }

    List<BatchOutcome> run(List<List<Draft>> batches) {
        List<BatchOutcome> outcomes = new ArrayList<>(batches.size());
        // the caller's security context travels with each batch: its connection carries the caller's actor
        // and read-only flag as the caller's own would (the scope is then narrowed to the cooperative)
        ExecutorService transactions = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(DEPTH, r -> {
            Thread t = new Thread(r, "lumbung-batch-pipeline-" + cooperativeId);
            t.setDaemon(true);
            return t;
        }));
        try {
            while (outcomes.size() < batches.size()) {
                List<List<PostingResult>> committed = pipelined(batches.subList(outcomes.size(), batches.size()), transactions);
                committed.forEach(results -> outcomes.add(new BatchOutcome(results, null)));
                if (outcomes.size() < batches.size()) {
                    outcomes.add(onItsOwn(batches.get(outcomes.size())));
                }
            }
        } finally {
            transactions.shutdown();
        }
        return outcomes;
    }

    /** The batches that committed through the pipeline: a prefix of {@code batches}, maybe empty. */
    private List<List<PostingResult>> pipelined(List<List<Draft>> batches, ExecutorService transactions) {
        CompletableFuture<PostingPipeline.Tail> before = CompletableFuture.completedFuture(
                new PostingPipeline.Tail(CooperativeTransaction.run(dsl, cooperativeId,
                        tx -> PostingPipeline.currentHead(tx, cooperativeId)), Map.of()));
        CompletableFuture<Void> turn = CompletableFuture.completedFuture(null);
        List<CompletableFuture<List<PostingResult>>> runs = new ArrayList<>(batches.size());
        for (List<Draft> batch : batches) {
            CompletableFuture<PostingPipeline.Tail> tailOfThis = before;
            CompletableFuture<Void> turnOfThis = turn;
            CompletableFuture<PostingPipeline.Tail> after = new CompletableFuture<>();
            CompletableFuture<Void> holding = new CompletableFuture<>();
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return CooperativeTransaction.run(dsl, cooperativeId, tx -> new PostingPipeline(tx, clock, cooperativeId,
                            batch, false).runOnto(tailOfThis, after, turnOfThis, holding));
                } finally {
                    // a batch that failed before handing its tail on, or before taking the head, stalls every batch after it
                    PostingPipeline.Stall stall = new PostingPipeline.Stall("the batch before was not booked");
                    after.completeExceptionally(stall);
                    holding.completeExceptionally(stall);
                }
            }, transactions));
            before = after;
            turn = holding;
        }
        List<List<PostingResult>> committed = new ArrayList<>();
        boolean stalled = false;
        for (CompletableFuture<List<PostingResult>> run : runs) {
            try {
                List<PostingResult> results = run.join();
                if (stalled) {
                    throw new IllegalStateException("a pipelined batch committed after one before it was not booked");
                }
                committed.add(results);
            } catch (CompletionException e) {
                stalled = true;
                logUnexpected(e.getCause());
            }
        }
        return committed;
    }

    /**
     * A stall or a refusal is the batch's own business: it is posted on its own next, which books, replays
     * or refuses it. Anything else is posted on its own too (where it fails again if it is no accident of
     * the pipeline), but said in the log: a pipeline should meet nothing else.
     */
    private void logUnexpected(Throwable cause) {
        Throwable why = cause instanceof CompletionException c && c.getCause() != null ? c.getCause() : cause;
        if (!(why instanceof PostingPipeline.Stall) && !(why instanceof DomainException) && !overtaken(why)) {
            log.warn("a pipelined batch of cooperative {} failed; posting it on its own", cooperativeId, why);
        }
    }

    /**
     * Another posting took the head while the batch's entries held their sequence numbers: the batch gave
     * up its wait for the head (lock_not_available, see EntryWriter) or found its numbers taken (unique_violation).
     */
    private static boolean overtaken(Throwable why) {
        return why instanceof DataAccessException d && ("55P03".equals(d.sqlState()) || "23505".equals(d.sqlState()));
    }

    private BatchOutcome onItsOwn(List<Draft> batch) {
        try {
            return new BatchOutcome(alone.apply(batch), null);
        } catch (DomainException refused) {
            return new BatchOutcome(null, refused);
        }
    }
}
