package org.lumbung.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One entry in the journal list: its debit total when it moves one currency ({@code currencies} lists
 * them, comma-separated, when it moves several).
 */
public record JournalRow(long id, long sequence, LocalDate valueDate, LocalDate bookingDate, String description,
                         String sourceType, String sourceRef, String createdBy, BigDecimal debitTotal,
                         String currencies, Long reversesEntryId, boolean reversed) {
}
