package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One movement of a shop product at a location, as the stock book records it (append-only): the quantity and the
 * value at cost that went in (positive) or out (negative), and the product's totals after it.
 */
public record StockMovement(long id, long productId, String productCode, ShopName productName, String locationCode,
                            Kind kind, BigDecimal quantity, BigDecimal value, BigDecimal quantityAfter,
                            BigDecimal valueAfter, LocalDate valueDate, @Nullable String reason, @Nullable Long saleId, @Nullable Long purchaseId,
                            @Nullable Long journalEntryId, String recordedBy, Instant recordedAt) {

    public enum Kind { PURCHASE, SALE, RETURN, TRANSFER, ADJUSTMENT, SPOILAGE, PRODUCTION }
}
