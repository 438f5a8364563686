package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A month of the books: closed (with who and when, and the chain head at closing: entries
 * 1..{@code headSequence} had fingerprint {@code headFingerprint}) or open.
 */
public record Period(YearMonth month, boolean closed, @Nullable String closedBy, @Nullable Instant closedAt,
                     @Nullable Long headSequence, @Nullable String headFingerprint) {

    static Period open(YearMonth month) {
        return new Period(month, false, null, null, null, null);
    }
}
