package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A production run as booked: the output and its cost — exactly what the inputs took out of stock at their moving
 * average plus the other costs — and its journal entry (none when everything cost nothing).
 */
public record Production(long id, int number, long productId, String productCode, ShopName productName, BigDecimal quantity,
                         BigDecimal materialsCost, BigDecimal otherCosts, BigDecimal cost, LocalDate valueDate,
                         @Nullable Long journalEntryId, @Nullable String note, List<Input> inputs, List<NewProduction.Cost> costs, boolean replayed) {

    public record Input(long productId, String code, ShopName name, BigDecimal quantity, BigDecimal cost) {
    }

    public String reference() {
        return "PR-%06d".formatted(number);
    }
}
