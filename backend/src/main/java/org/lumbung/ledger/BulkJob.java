package org.lumbung.ledger;

import org.jooq.DSLContext;

import java.util.List;

/**
 * A bulk posting job of one cooperative (close of business, month-end interest): its entries are posted
 * in chunks, each committed on its own transaction with the job's progress, holding the cooperative's
 * head lock for one chunk only so tellers' postings interleave.
 *
 * @param key   names the job: running it again resumes it (or, once done, answers its progress)
 * @param kind  what it is, e.g. INTEREST, CLOSE_OF_BUSINESS
 * @param mode  what a refused entry does: fail the job (its chunk rolls back) or be reported and skipped
 * @param chunk entries per chunk and transaction
 */
public record BulkJob(long cooperativeId, String key, String kind, Mode mode, int chunk) {

    public enum Mode { ALL_OR_NOTHING, REFUSE_ENTRY }

    public static final int DEFAULT_CHUNK = 500;

    /**
     * The jobs this one is a kind of: its key up to the last colon ("interest:12" for "interest:12:2026-01-31"). A
     * command that must not run beside an unfinished job of the family asks {@link BulkPosting#unfinished}.
     */
    public String family() {
        return familyOf(key);
    }

    static String familyOf(String key) {
        int colon = key.lastIndexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    /** Where the entries of a job come from, and what the job does with the ones it booked. */
    public interface Source {

        /**
         * Every entry of the job in ascending order of idempotency key, the same on every run: read the
         * inputs as of {@link JobProgress#asOfEntryId()} (a resumed run skips every key up to the last one
         * committed).
         */
        List<GuardedPosting> entries(JobProgress job);

        /** In each chunk's transaction: the entries the chunk booked (not replays, not refusals). */
        default void booked(DSLContext tx, List<PostingResult> booked) {
        }
    }
}
