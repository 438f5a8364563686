package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A journal entry to post. The idempotency key is made by the client before it submits (every form
 * makes one when it opens): the same key with the same content returns the original entry, with other
 * content it is refused as a conflict. {@code sourceType} names the feature (MANUAL, SAVINGS, API…),
 * {@code sourceRef} its document.
 */
public record PostingRequest(long cooperativeId, String idempotencyKey, @Nullable LocalDate valueDate, String description,
                             String sourceType, @Nullable String sourceRef, List<PostingLine> lines, String actor) {

    public PostingRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
