package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Goods brought back against an earlier sale: which of its lines, how many of each. */
public record NewReturn(long saleId, List<Line> lines, @Nullable LocalDate valueDate, @Nullable String note, String idempotencyKey) {

    public NewReturn {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(int lineNumber, BigDecimal quantity) {
    }
}
