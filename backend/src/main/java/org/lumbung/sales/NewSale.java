package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A sale as the counter enters it: lines, the customer (a member, or null for a walk-in customer who pays the sale
 * price in cash), the payment, the value date (null: today) and the idempotency key made when the form opened.
 */
public record NewSale(@Nullable Long memberId, Payment payment, List<Line> lines, @Nullable LocalDate valueDate, @Nullable String note,
                      String idempotencyKey) {

    public static final int MAX_LINES = 100;

    public NewSale {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A product, how many, and a discount in money on the whole line (zero: none). */
    public record Line(long productId, BigDecimal quantity, @Nullable BigDecimal discount) {
    }
}
