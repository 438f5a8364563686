package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** What the journal grid filters by; every part is optional. */
public record JournalFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String accountCode,
                            @Nullable String sourceType, @Nullable String text) {

    public static JournalFilter all() {
        return new JournalFilter(null, null, null, null, null);
    }
}
