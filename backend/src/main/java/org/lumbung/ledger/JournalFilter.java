package org.lumbung.ledger;

import java.time.LocalDate;

/** What the journal grid filters by; every part is optional. */
public record JournalFilter(LocalDate from, LocalDate to, String accountCode, String sourceType, String text) {

    public static JournalFilter all() {
        return new JournalFilter(null, null, null, null, null);
    }
}
