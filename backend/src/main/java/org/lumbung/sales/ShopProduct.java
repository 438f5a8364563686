package org.lumbung.sales;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A good the shop sells (keripik tempe, rice, fertilizer): never a savings or loan product. Its stock quantity
 * and value are the sums of its stock movements over all locations; {@code unitCost} is its moving weighted-average
 * cost. {@code allowsNegative} lets it be sold before its purchase is entered (produce weighed at the counter).
 */
public record ShopProduct(long id, long cooperativeId, String code, @Nullable String barcode, String nameEn, String nameId,
                          String unit, String category, BigDecimal salePrice, BigDecimal memberPrice, boolean taxable,
                          boolean active, boolean allowsNegative, BigDecimal reorderLevel, BigDecimal stockQuantity,
                          BigDecimal stockValue, BigDecimal unitCost) {

    /** The name in the reader's language (Indonesian unless English is asked for). */
    public String name(@Nullable Locale locale) {
        return new ShopName(nameEn, nameId).in(locale);
    }

    /** The price a customer pays: the member price for a member, the sale price for a walk-in customer. */
    public BigDecimal price(boolean member) {
        return member ? memberPrice : salePrice;
    }

    /** At or below its reorder level: the stock screen's alert. */
    public boolean lowStock() {
        return reorderLevel.signum() > 0 && stockQuantity.compareTo(reorderLevel) <= 0;
    }
}
