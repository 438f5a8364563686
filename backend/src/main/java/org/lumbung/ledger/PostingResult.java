package org.lumbung.ledger;

/** The entry a posting made, or, for a replay of an idempotency key, the entry it made before. */
public record PostingResult(JournalEntry entry, boolean replayed) {
}
