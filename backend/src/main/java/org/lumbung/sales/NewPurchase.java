package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Goods received from a supplier — a member selling her produce (supplierMemberId) or a named trader — into a
 * location, owed until paid. Each line: product, quantity and the cost of one unit.
 */
public record NewPurchase(@Nullable Long supplierMemberId, @Nullable String supplierName, StockLocation.Kind location, List<Line> lines,
                          @Nullable LocalDate valueDate, @Nullable String note, String idempotencyKey) {

    public static final int MAX_LINES = 100;

    public NewPurchase {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(long productId, BigDecimal quantity, BigDecimal unitCost) {
    }
}
