package org.lumbung.remittance;

/** What recording a remittance answered: the receipt, its journal entry's sequence, and whether the key replayed it. */
public record RecordedRemittance(Remittance remittance, long entrySequence, boolean replayed) {
}
