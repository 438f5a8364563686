package org.lumbung.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The stock as of the end of a day, valued at cost: each product's quantity and value (the sums of its movements
 * up to that day), their total, and the inventory account's balance on the same day, which it equals.
 */
public record StockValuation(LocalDate asOf, List<Line> lines, BigDecimal total, BigDecimal inventoryAccount) {

    public record Line(long productId, String code, String nameEn, String nameId, String unit, BigDecimal quantity,
                       BigDecimal value) {
    }

    public boolean agreesWithLedger() {
        return total.compareTo(inventoryAccount) == 0;
    }
}
