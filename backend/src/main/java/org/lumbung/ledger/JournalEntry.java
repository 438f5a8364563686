package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A posted, immutable journal entry with its lines and its link in the hash chain. */
public record JournalEntry(long id, long cooperativeId, long sequence, String idempotencyKey, LocalDate bookingDate,
                           LocalDate valueDate, String description, String sourceType, @Nullable String sourceRef,
                           @Nullable Long reversesEntryId, @Nullable String reversalReason, String createdBy, Instant createdAt,
                           String prevHash, String hash, List<EntryLine> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
    }
}
