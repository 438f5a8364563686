package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A production run as entered: the product made and how much, where (inputs are taken from and the output put into
 * that location), what it consumed (empty: the recipe scaled to the quantity), and its other costs paid in cash.
 */
public record NewProduction(long productId, BigDecimal quantity, StockLocation.Kind location, List<Input> inputs,
                            List<Cost> costs, @Nullable LocalDate valueDate, @Nullable String note, String idempotencyKey) {

    static final int MAX_INPUTS = 20;
    static final int MAX_COSTS = 10;
    static final int MAX_COST_TEXT = 80;

    public record Input(long productId, BigDecimal quantity) {
    }

    /** A cost of the run paid in cash (gas, labour, packaging bought for it): it goes into the output's cost. */
    public record Cost(String description, BigDecimal amount) {
    }

    public NewProduction {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        costs = costs == null ? List.of() : List.copyOf(costs);
    }
}
