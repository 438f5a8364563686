package org.lumbung.sales;

import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;

import java.math.BigDecimal;
import java.util.Locale;

/** A shop product as entered (new or edited); {@link #checked} bounds every field before anything is written. */
public record NewShopProduct(String code, @Nullable String barcode, String nameEn, String nameId, String unit, String category,
                             BigDecimal salePrice, BigDecimal memberPrice, boolean taxable, boolean active,
                             boolean allowsNegative, BigDecimal reorderLevel) {

    static final int MAX_NAME = 120;
    static final int MAX_CATEGORY = 40;

    /** Trimmed, upper-cased code, prices in the currency's minor units; refused with a translated reason. */
    NewShopProduct checked(String currency) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        DomainException.require(c.matches("[A-Z0-9][A-Z0-9-]{1,15}"), "sales.product.code.invalid");
        String b = barcode == null || barcode.isBlank() ? null : barcode.strip();
        DomainException.require(b == null || b.matches("[0-9A-Za-z-]{4,32}"), "sales.product.barcode.invalid");
        requireText(nameEn, MAX_NAME, "sales.product.name.invalid");
        requireText(nameId, MAX_NAME, "sales.product.name.invalid");
        requireText(category, MAX_CATEGORY, "sales.product.category.invalid");
        String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        DomainException.require(u.matches("[a-z]{1,12}"), "sales.product.unit.invalid");
        BigDecimal sale = Amounts.requireEntered(salePrice, currency);
        BigDecimal member = Amounts.requireEntered(memberPrice, currency);
        DomainException.require(member.compareTo(sale) <= 0, "sales.product.member-price.above");
        BigDecimal reorder = reorderLevel == null ? BigDecimal.ZERO : Quantities.requireCount(reorderLevel, true);
        return new NewShopProduct(c, b, nameEn.strip(), nameId.strip(), u, category.strip(), sale, member, taxable, active,
                allowsNegative, reorder);
    }

    private static void requireText(String text, int max, String key) {
        DomainException.require(text != null && !text.isBlank() && text.strip().length() <= max, key, max);
    }
}
