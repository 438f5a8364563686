package org.lumbung.sales;

import java.math.BigDecimal;
import java.util.Map;

/** A product's stock: in all, per location code, its value at average cost, and whether it is low. */
public record StockLevel(ShopProduct product, BigDecimal quantity, Map<String, BigDecimal> byLocation, BigDecimal value,
                         boolean low) {
}
