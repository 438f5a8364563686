package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;

import java.util.List;

/**
 * What became of one batch of {@link LedgerService#postBatches}: the results of its entries (all booked,
 * or replayed), or why the whole batch was refused (none of it booked).
 */
public record BatchOutcome(@Nullable List<PostingResult> results, @Nullable DomainException refusal) {

    public BatchOutcome {
        if ((results == null) == (refusal == null)) {
            throw new IllegalArgumentException("a batch is either booked or refused");
        }
        results = results == null ? null : List.copyOf(results);
    }

    public boolean booked() {
        return refusal == null;
    }
}
