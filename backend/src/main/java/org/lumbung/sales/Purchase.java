package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A purchase as recorded, with what has been paid of it. */
public record Purchase(long id, int number, @Nullable Long supplierMemberId, String supplierName, LocalDate valueDate,
                       BigDecimal total, BigDecimal paid, long journalEntryId, @Nullable String note, List<Line> lines,
                       boolean replayed) {

    public BigDecimal outstanding() {
        return total.subtract(paid);
    }

    /** The number as printed: PB (pembelian). */
    public String reference() {
        return "PB-%06d".formatted(number);
    }

    public record Line(long productId, String productCode, ShopName productName, BigDecimal quantity, BigDecimal unitCost,
                       BigDecimal amount) {
    }
}
