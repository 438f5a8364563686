package org.lumbung.ledger;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One entry in the journal list: its debit total when it moves one currency ({@code currencies} lists
 * them, comma-separated, when it moves several).
 */
public record JournalRow(long id, long sequence, LocalDate valueDate, LocalDate bookingDate, String description,
                         String sourceType, @Nullable String sourceRef, String createdBy, @Nullable BigDecimal debitTotal,
                         String currencies, @Nullable Long reversesEntryId, boolean reversed) {
}
