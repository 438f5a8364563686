package org.lumbung.sales;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sale's lines priced and costed, pure arithmetic on the locked products: each line's price (member or walk-in),
 * its discount within the shop's limit, its amount, and its cost at the moving average, the positions moving line
 * by line (a product on two lines is costed as one issue after the other).
 */
final class SalePricing {

    /** A priced line, with its product's position right after the line's issue. */
    record Line(int number, ShopProduct product, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
                BigDecimal amount, BigDecimal cost, WeightedAverage after) {
    }

    record Priced(List<Line> lines, BigDecimal gross, BigDecimal discount, BigDecimal total, BigDecimal cost) {
    }

    private SalePricing() {
    }

    static Priced price(Map<Long, ShopProduct> products, List<NewSale.Line> input, boolean member, BigDecimal maxDiscountPercent,
                        String currency) {
        Map<Long, WeightedAverage> positions = new HashMap<>();
        products.values().forEach(p -> positions.put(p.id(), new WeightedAverage(p.stockQuantity(), p.stockValue(), p.unitCost())));
        List<Line> lines = new ArrayList<>();
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (NewSale.Line in : input) {
            Line l = line(lines.size() + 1, Objects.requireNonNull(products.get(in.productId())), in, member, maxDiscountPercent,
                    currency, positions);
            lines.add(l);
            gross = gross.add(l.amount().add(l.discount()));
            discount = discount.add(l.discount());
            cost = cost.add(l.cost());
        }
        return new Priced(List.copyOf(lines), gross, discount, gross.subtract(discount), cost);
    }

    private static Line line(int number, ShopProduct p, NewSale.Line in, boolean member, BigDecimal maxDiscountPercent,
                             String currency, Map<Long, WeightedAverage> positions) {
        DomainException.require(p.active(), "sales.product.inactive", p.code());
        BigDecimal quantity = Quantities.requireCount(in.quantity(), false);
        BigDecimal price = Amounts.normalise(p.price(member), currency);
        BigDecimal lineGross = Amounts.round(price.multiply(quantity), currency);
        BigDecimal discount = discount(in.discount(), currency);
        BigDecimal max = ShopLimits.maxDiscount(maxDiscountPercent, lineGross, currency);
        DomainException.require(discount.compareTo(max) <= 0, "sales.discount.over-limit", p.code(), max.toPlainString(),
                maxDiscountPercent.toPlainString());
        WeightedAverage position = Objects.requireNonNull(positions.get(p.id()));
        BigDecimal cost = Amounts.normalise(position.issueCost(quantity, currency), currency);
        WeightedAverage after = position.issue(quantity, cost);
        positions.put(p.id(), after);
        return new Line(number, p, quantity, price, discount, lineGross.subtract(discount), cost, after);
    }

    private static BigDecimal discount(@Nullable BigDecimal entered, String currency) {
        if (entered == null || entered.signum() == 0) {
            return Amounts.round(BigDecimal.ZERO, currency);
        }
        return Amounts.requireEntered(entered, currency);
    }

    /** The quantity of each product over all lines (what the shop must hold). */
    static Map<Long, BigDecimal> quantities(List<Line> lines) {
        Map<Long, BigDecimal> q = new HashMap<>();
        lines.forEach(l -> q.merge(l.product().id(), l.quantity(), BigDecimal::add));
        return q;
    }
}
