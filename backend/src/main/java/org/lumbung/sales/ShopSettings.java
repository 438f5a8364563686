package org.lumbung.sales;

import java.math.BigDecimal;

/** The shop's limits: the largest discount a line may get (percent of its price) and a member's default credit limit. */
public record ShopSettings(BigDecimal maxDiscountPercent, BigDecimal defaultCreditLimit) {
}
