package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * How far a bulk job got: entries processed of the total, how many were booked, replayed (already
 * booked by an earlier run) or refused, and the last key committed. Refusals list each refused entry.
 */
public record JobProgress(long id, long cooperativeId, String key, String kind, BulkJob.Mode mode, String status,
                          int total, int processed, int posted, int replayed, int refused, @Nullable String lastKey,
                          long asOfEntryId, @Nullable String failure, List<Refusal> refusals) {

    public JobProgress {
        refusals = List.copyOf(refusals);
    }

    public boolean done() {
        return "DONE".equals(status);
    }

    /** One entry the job could not book, with the reason's message key and arguments. */
    public record Refusal(String idempotencyKey, String messageKey, List<String> arguments) {
    }
}
