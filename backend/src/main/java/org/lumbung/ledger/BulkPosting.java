package org.lumbung.ledger;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.db.jooq.tables.records.LedgerJobRecord;
import org.lumbung.ledger.Draft.Drafted;
import org.lumbung.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.lumbung.db.jooq.Tables.JOURNAL_ENTRY;
import static org.lumbung.db.jooq.Tables.LEDGER_JOB;
import static org.lumbung.db.jooq.Tables.LEDGER_JOB_REFUSAL;

/**
 * The bulk posting path for jobs ({@link BulkJob}): chunks committed on their own transactions, each
 * with the job's progress, so the cooperative's head lock is held for one chunk at a time (tellers'
 * postings interleave) and a job that dies halfway resumes after its last committed key. Nothing is
 * booked twice: a chunk and its progress commit together, and every entry carries its idempotency key.
 * One runner at a time holds a job's lease; a runner that died loses it after {@link #LEASE_SECONDS}.
 */
@Service
@PreAuthorize("@access.may('READ_LEDGER')")
public class BulkPosting {

    static final int LEASE_SECONDS = 60;
    private static final Field<OffsetDateTime> NOW = DSL.currentOffsetDateTime();

    private final DSLContext dsl;
    private final Clock clock;

    public BulkPosting(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Runs (or resumes) the job to its end; answers its progress. Called outside any transaction. */
    @PreAuthorize("@access.may('POST_ENTRY')")
    public JobProgress run(BulkJob job, BulkJob.Source source) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a bulk job commits its own chunks: run it outside a transaction");
        }
        DomainException.require(job != null && job.key() != null && LedgerLimits.KEY_PATTERN.matcher(job.key()).matches()
                && job.key().length() >= LedgerLimits.MIN_KEY && job.key().length() <= LedgerLimits.MAX_KEY
                && job.kind() != null && LedgerLimits.SOURCE_TYPE_PATTERN.matcher(job.kind()).matches() && job.mode() != null
                && job.chunk() >= 1 && job.chunk() <= LedgerLimits.MAX_BATCH_ENTRIES, "ledger.job.invalid",
                LedgerLimits.MAX_BATCH_ENTRIES);
        UUID runner = UUID.randomUUID();
        JobProgress claimed = claim(job, runner);
        if (claimed.done()) {
            return claimed;
        }
        try {
            List<GuardedPosting> todo = after(job, source.entries(claimed), claimed.lastKey());
            int total = claimed.processed() + todo.size();
            for (int from = 0; from < todo.size(); from += job.chunk()) {
                List<GuardedPosting> chunk = todo.subList(from, Math.min(todo.size(), from + job.chunk()));
                CooperativeTransaction.run(dsl, job.cooperativeId(), tx -> {
                    new Chunk(tx, job, claimed.id(), runner).post(chunk, total, source);
                    return null;
                });
            }
            end(job, claimed.id(), runner, total, null);
        } catch (RuntimeException | Error e) {
            end(job, claimed.id(), runner, null, e);
            throw e;
        }
        return progress(job.cooperativeId(), job.key());
    }

    /**
     * Whether a job of the family is unfinished (running, failed and waiting to be resumed, or stalled). Takes the
     * family's lock for the caller's transaction, which a job's claim takes too: a job claimed after this waits for the
     * caller to commit and reads its inputs after it, and one claimed before is seen here. A command that changes a
     * job's inputs in a way the job would not see (an interest run's accounts, read once when it starts) asks this
     * first, in its own transaction, and refuses while the answer is yes.
     */
    public boolean unfinished(long cooperativeId, String family) {
        lockFamily(dsl, cooperativeId, family);
        return dsl.fetchExists(LEDGER_JOB, LEDGER_JOB.COOPERATIVE_ID.eq(cooperativeId)
                .and(LEDGER_JOB.JOB_KEY.startsWith(family + ":"))
                .and(LEDGER_JOB.STATUS.ne("DONE")));
    }

    private static void lockFamily(DSLContext tx, long cooperativeId, String family) {
        tx.select(DSL.field("pg_advisory_xact_lock({0}, hashtext({1}))", Object.class, DSL.val((int) cooperativeId),
                DSL.val("job:" + family))).fetch();
    }

    /** The job's progress and (up to {@link LedgerLimits#MAX_PAGE}) its refused entries. */
    public JobProgress progress(long cooperativeId, String key) {
        LedgerJobRecord r = dsl.selectFrom(LEDGER_JOB)
                .where(LEDGER_JOB.COOPERATIVE_ID.eq(cooperativeId).and(LEDGER_JOB.JOB_KEY.eq(key))).fetchOne();
        if (r == null) {
            throw DomainException.notFound("ledger.job.invalid", LedgerLimits.MAX_BATCH_ENTRIES);
        }
        List<JobProgress.Refusal> refusals = dsl.selectFrom(LEDGER_JOB_REFUSAL).where(LEDGER_JOB_REFUSAL.JOB_ID.eq(r.getId()))
                .orderBy(LEDGER_JOB_REFUSAL.IDEMPOTENCY_KEY).limit(LedgerLimits.MAX_PAGE)
                .fetch(f -> new JobProgress.Refusal(f.getIdempotencyKey(), f.getMessageKey(), Arrays.asList(f.getArguments())));
        return new JobProgress(r.getId(), r.getCooperativeId(), r.getJobKey(), r.getKind(), BulkJob.Mode.valueOf(r.getMode()),
                r.getStatus(), r.getTotal(), r.getProcessed(), r.getPosted(), r.getReplayed(), r.getRefused(), r.getLastKey(),
                r.getAsOfEntryId(), r.getFailure(), refusals);
    }

    /**
     * Creates the job on its first run (its inputs as of the cooperative's last entry now) and takes its
     * lease: refused while another live runner holds it.
     */
    private JobProgress claim(BulkJob job, UUID runner) {
        boolean claimed = CooperativeTransaction.run(dsl, job.cooperativeId(), tx -> {
            lockFamily(tx, job.cooperativeId(), job.family());
            tx.insertInto(LEDGER_JOB, LEDGER_JOB.COOPERATIVE_ID, LEDGER_JOB.JOB_KEY, LEDGER_JOB.KIND, LEDGER_JOB.MODE,
                            LEDGER_JOB.STARTED_BY, LEDGER_JOB.AS_OF_ENTRY_ID)
                    .select(DSL.select(DSL.val(job.cooperativeId()), DSL.val(job.key()), DSL.val(job.kind()),
                            DSL.val(job.mode().name()), DSL.val(actor()),
                            DSL.coalesce(DSL.max(JOURNAL_ENTRY.ID), 0L))
                            .from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.COOPERATIVE_ID.eq(job.cooperativeId())))
                    .onConflictDoNothing().execute();
            return tx.update(LEDGER_JOB).set(LEDGER_JOB.RUNNER, runner).set(LEDGER_JOB.HEARTBEAT, NOW)
                    .set(LEDGER_JOB.STATUS, "RUNNING").setNull(LEDGER_JOB.FAILURE)
                    .where(LEDGER_JOB.COOPERATIVE_ID.eq(job.cooperativeId()).and(LEDGER_JOB.JOB_KEY.eq(job.key()))
                            .and(LEDGER_JOB.STATUS.ne("DONE"))
                            .and(LEDGER_JOB.RUNNER.isNull().or(LEDGER_JOB.HEARTBEAT.lt(
                                    DSL.field("now() - make_interval(secs => {0})", OffsetDateTime.class, DSL.val(LEASE_SECONDS))))))
                    .execute() == 1;
        });
        JobProgress progress = progress(job.cooperativeId(), job.key());
        DomainException.require(claimed || progress.done(), "ledger.job.running", job.key());
        return progress;
    }

    /**
     * Entries after the last committed key, checked to come in strictly ascending key order and to be the
     * job's cooperative's, before any of them is posted.
     */
    private static List<GuardedPosting> after(BulkJob job, List<GuardedPosting> entries, @Nullable String lastKey) {
        List<GuardedPosting> todo = new ArrayList<>(entries.size());
        String previous = null;
        for (GuardedPosting g : entries) {
            if (g.request().cooperativeId() != job.cooperativeId()) {
                throw new IllegalStateException("an entry of cooperative " + g.request().cooperativeId() + " in a job of "
                        + job.cooperativeId());
            }
            String key = g.request().idempotencyKey();
            if (key == null || previous != null && key.compareTo(previous) <= 0) {
                throw new IllegalStateException("a bulk job's entries come in strictly ascending key order: " + key);
            }
            previous = key;
            if (lastKey == null || key.compareTo(lastKey) > 0) {
                todo.add(g);
            }
        }
        return todo;
    }

    /** Done (releasing the lease), or failed and resumable: the reason kept, the lease released. */
    private void end(BulkJob job, long jobId, UUID runner, @Nullable Integer total, @Nullable Throwable failure) {
        CooperativeTransaction.run(dsl, job.cooperativeId(), tx -> {
            var update = tx.update(LEDGER_JOB).setNull(LEDGER_JOB.RUNNER).setNull(LEDGER_JOB.HEARTBEAT);
            var set = failure == null
                    ? update.set(LEDGER_JOB.STATUS, "DONE").set(LEDGER_JOB.FINISHED_AT, NOW).set(LEDGER_JOB.TOTAL, total)
                    : update.set(LEDGER_JOB.STATUS, "FAILED").set(LEDGER_JOB.FAILURE, reason(failure));
            return set.where(LEDGER_JOB.ID.eq(jobId).and(LEDGER_JOB.RUNNER.eq(runner))).execute();
        });
    }

    private static String reason(Throwable failure) {
        String reason = failure instanceof DomainException d ? d.messageKey() : failure.getClass().getName();
        return reason.length() <= 200 ? reason : reason.substring(0, 200);
    }

    private static String actor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        String name = a == null ? "system" : a.getName();
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    /** One chunk in its transaction: post, hand the booked entries to the job, record progress. */
    private final class Chunk {
        private final DSLContext tx;
        private final BulkJob job;
        private final long jobId;
        private final UUID runner;
        private final List<DomainException> refusals = new ArrayList<>();
        private final List<String> refusedKeys = new ArrayList<>();

        Chunk(DSLContext tx, BulkJob job, long jobId, UUID runner) {
            this.tx = tx;
            this.job = job;
            this.jobId = jobId;
            this.runner = runner;
        }

        void post(List<GuardedPosting> chunk, int total, BulkJob.Source source) {
            List<Draft> drafts = drafts(chunk);
            List<Outcome> outcomes = drafts.isEmpty() ? List.of()
                    : new PostingPipeline(tx, clock, job.cooperativeId(), drafts, job.mode() == BulkJob.Mode.REFUSE_ENTRY).run();
            List<PostingResult> booked = new ArrayList<>();
            int replayed = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                if (o.refusal() != null) {
                    refuse(drafts.get(i).key(), o.refusal());
                } else if (Objects.requireNonNull(o.result()).replayed()) {
                    replayed++;
                } else {
                    booked.add(o.result());
                }
            }
            source.booked(tx, booked);
            recordRefusals();
            recordProgress(chunk, total, booked.size(), replayed);
        }

        /** The chunk's drafts; an entry of the wrong shape is refused on its own where the mode allows. */
        private List<Draft> drafts(List<GuardedPosting> chunk) {
            List<Draft> drafts = new ArrayList<>(chunk.size());
            for (Drafted d : Draft.eachOf(chunk, r -> DomainException.require(r.valueDate() != null, "ledger.value-date.missing"))) {
                if (d.refusal() == null) {
                    drafts.add(d.draft());
                } else if (job.mode() == BulkJob.Mode.ALL_OR_NOTHING) {
                    throw d.refusal();
                } else {
                    refuse(d.posting().request().idempotencyKey(), d.refusal());
                }
            }
            return drafts;
        }

        private void refuse(String key, DomainException e) {
            refusedKeys.add(key);
            refusals.add(e);
        }

        private void recordRefusals() {
            var insert = tx.insertInto(LEDGER_JOB_REFUSAL, LEDGER_JOB_REFUSAL.JOB_ID, LEDGER_JOB_REFUSAL.COOPERATIVE_ID,
                    LEDGER_JOB_REFUSAL.IDEMPOTENCY_KEY, LEDGER_JOB_REFUSAL.MESSAGE_KEY, LEDGER_JOB_REFUSAL.ARGUMENTS);
            for (int i = 0; i < refusals.size(); i++) {
                DomainException e = refusals.get(i);
                insert = insert.values(jobId, job.cooperativeId(), refusedKeys.get(i), e.messageKey(),
                        Arrays.stream(e.arguments()).map(String::valueOf).toArray(String[]::new));
            }
            if (!refusals.isEmpty()) {
                insert.execute();
            }
        }

        /** Progress in the chunk's own transaction: only this job's live runner may move it. */
        private void recordProgress(List<GuardedPosting> chunk, int total, int posted, int replayed) {
            int updated = tx.update(LEDGER_JOB)
                    .set(LEDGER_JOB.PROCESSED, LEDGER_JOB.PROCESSED.plus(chunk.size()))
                    .set(LEDGER_JOB.POSTED, LEDGER_JOB.POSTED.plus(posted))
                    .set(LEDGER_JOB.REPLAYED, LEDGER_JOB.REPLAYED.plus(replayed))
                    .set(LEDGER_JOB.REFUSED, LEDGER_JOB.REFUSED.plus(refusals.size()))
                    .set(LEDGER_JOB.TOTAL, total)
                    .set(LEDGER_JOB.LAST_KEY, chunk.get(chunk.size() - 1).request().idempotencyKey())
                    .set(LEDGER_JOB.HEARTBEAT, NOW)
                    .where(LEDGER_JOB.ID.eq(jobId).and(LEDGER_JOB.RUNNER.eq(runner)))
                    .execute();
            if (updated != 1) {
                throw DomainException.conflict("ledger.job.taken-over", job.key());
            }
        }
    }
}
