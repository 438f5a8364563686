package org.lumbung.fx;

import org.lumbung.ledger.JournalEntry;

import java.math.BigDecimal;

/**
 * A sale as booked: the carrying cost of what was sold (at the weighted-average carrying rate), and the realized
 * result, proceeds less that cost (positive a gain on 4500, negative a loss on 5700).
 */
public record FxSaleResult(JournalEntry entry, BigDecimal carryingRate, BigDecimal carryingCost, BigDecimal realized) {
}
