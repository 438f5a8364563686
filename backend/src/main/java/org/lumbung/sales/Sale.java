package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sale or a return as recorded: its receipt number (gapless per cooperative, shared by sales and returns), the
 * customer, the payment, its totals (gross, discount, total paid; cost at average cost) and its journal entry.
 */
public record Sale(long id, int receiptNumber, Kind kind, @Nullable Long originalSaleId, @Nullable Long memberId, @Nullable String memberName,
                   Payment payment, LocalDate valueDate, BigDecimal gross, BigDecimal discount, BigDecimal total,
                   BigDecimal cost, long journalEntryId, @Nullable String note, String recordedBy, Instant recordedAt,
                   List<Line> lines, boolean replayed) {

    public enum Kind { SALE, RETURN }

    /** The receipt number as printed: PJ for a sale (penjualan), RT for a return. */
    public String receipt() {
        return (kind == Kind.SALE ? "PJ-" : "RT-") + "%06d".formatted(receiptNumber);
    }

    /** Gross margin: what the goods brought in above their cost. */
    public BigDecimal margin() {
        return total.subtract(cost);
    }

    public record Line(long id, int lineNumber, long productId, String productCode, ShopName productName, String unit,
                       BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal amount,
                       BigDecimal cost, BigDecimal returnedQuantity) {
    }
}
