package org.lumbung.sales;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.platform.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.lumbung.db.jooq.Tables.SHOP_PRODUCT;

/** The shop's products (goods): created, edited, listed, searched by name and found by a scanned code. */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class ShopCatalogue {

    public static final int MAX_PAGE = 500;
    /**
     * A shop's catalogue: the stock screen, the low-stock alert and the stock valuation read every product in one
     * page, so a cooperative has at most this many and the valuation's total is never cut short.
     */
    public static final int MAX_PRODUCTS = MAX_PAGE;
    /** Advisory-lock namespace (the first key) under which a new product is counted. */
    private static final int CATALOGUE_LOCK = 0x53484f50;
    private static final int MAX_SEARCH = 100;

    private final DSLContext dsl;
    private final CooperativeService cooperatives;
    private final StockBook stock;

    ShopCatalogue(DSLContext dsl, CooperativeService cooperatives, StockBook stock) {
        this.dsl = dsl;
        this.cooperatives = cooperatives;
        this.stock = stock;
    }

    @Transactional
    @PreAuthorize("@access.may('MANAGE_SHOP')")
    public ShopProduct create(long cooperativeId, NewShopProduct input) {
        NewShopProduct p = input.checked(cooperatives.byId(cooperativeId).baseCurrency());
        stock.openLocations(cooperativeId);
        requireRoom(cooperativeId);
        try {
            long id = dsl.insertInto(SHOP_PRODUCT).set(SHOP_PRODUCT.COOPERATIVE_ID, cooperativeId).set(SHOP_PRODUCT.CODE, p.code())
                    .set(fields(p)).returning(SHOP_PRODUCT.ID).fetchOne(SHOP_PRODUCT.ID);
            return product(cooperativeId, id);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("sales.product.code.taken", p.code());
        }
    }

    /** Counted under a lock: two products racing for the last place would otherwise both find it free. */
    private void requireRoom(long cooperativeId) {
        dsl.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(CATALOGUE_LOCK),
                DSL.val((int) cooperativeId))).fetch();
        DomainException.require(dsl.fetchCount(SHOP_PRODUCT, SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)) < MAX_PRODUCTS,
                "sales.product.too-many", MAX_PRODUCTS);
    }

    /** Changes names, prices, flags and reorder level; the code stays (it is printed on receipts). */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_SHOP')")
    public ShopProduct update(long cooperativeId, long productId, NewShopProduct input) {
        ShopProduct existing = product(cooperativeId, productId);
        NewShopProduct p = input.checked(cooperatives.byId(cooperativeId).baseCurrency());
        DomainException.require(p.allowsNegative() || existing.stockQuantity().signum() >= 0, "sales.product.negative-stock",
                existing.code());
        try {
            dsl.update(SHOP_PRODUCT).set(fields(p)).where(SHOP_PRODUCT.ID.eq(productId)
                    .and(SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId))).execute();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("sales.product.barcode.taken", p.barcode());
        }
        return product(cooperativeId, productId);
    }

    private static Map<Field<?>, @Nullable Object> fields(NewShopProduct p) {
        Map<Field<?>, @Nullable Object> f = new LinkedHashMap<>();
        f.put(SHOP_PRODUCT.BARCODE, p.barcode());
        f.put(SHOP_PRODUCT.NAME_EN, p.nameEn());
        f.put(SHOP_PRODUCT.NAME_ID, p.nameId());
        f.put(SHOP_PRODUCT.UNIT, p.unit());
        f.put(SHOP_PRODUCT.CATEGORY, p.category());
        f.put(SHOP_PRODUCT.SALE_PRICE, p.salePrice());
        f.put(SHOP_PRODUCT.MEMBER_PRICE, p.memberPrice());
        f.put(SHOP_PRODUCT.TAXABLE, p.taxable());
        f.put(SHOP_PRODUCT.ACTIVE, p.active());
        f.put(SHOP_PRODUCT.ALLOWS_NEGATIVE, p.allowsNegative());
        f.put(SHOP_PRODUCT.REORDER_LEVEL, p.reorderLevel());
        return f;
    }

    public ShopProduct product(long cooperativeId, long productId) {
        return dsl.selectFrom(SHOP_PRODUCT).where(SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_PRODUCT.ID.eq(productId)))
                .fetchOptional(ShopCatalogue::toProduct).orElseThrow(() -> DomainException.notFound("sales.product.not-found", productId));
    }

    /** The catalogue in category and code order (at most {@value #MAX_PAGE}), active products only if asked. */
    public List<ShopProduct> products(long cooperativeId, boolean activeOnly) {
        Condition c = SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId);
        if (activeOnly) {
            c = c.and(SHOP_PRODUCT.ACTIVE.isTrue());
        }
        return dsl.selectFrom(SHOP_PRODUCT).where(c).orderBy(SHOP_PRODUCT.CATEGORY, SHOP_PRODUCT.CODE).limit(MAX_PAGE)
                .fetch(ShopCatalogue::toProduct);
    }

    /**
     * What the counter finds for what was typed or scanned: the product whose code or barcode it is exactly, else
     * active products whose name (either language) or code contains it.
     */
    public List<ShopProduct> search(long cooperativeId, @Nullable String text) {
        String t = text == null ? "" : text.strip();
        DomainException.require(t.length() <= 60, "sales.search.too-long", 60);
        Optional<ShopProduct> scanned = scan(cooperativeId, t);
        if (scanned.isPresent() || t.isEmpty()) {
            return scanned.map(List::of).orElse(List.of());
        }
        String like = "%" + t.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return dsl.selectFrom(SHOP_PRODUCT).where(SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_PRODUCT.ACTIVE.isTrue())
                        .and(SHOP_PRODUCT.NAME_ID.lower().like(like, '\\').or(SHOP_PRODUCT.NAME_EN.lower().like(like, '\\'))
                                .or(SHOP_PRODUCT.CODE.lower().like(like, '\\'))))
                .orderBy(SHOP_PRODUCT.NAME_ID).limit(MAX_SEARCH).fetch(ShopCatalogue::toProduct);
    }

    /** The active product of that code or barcode (what a scanner types followed by Enter). */
    public Optional<ShopProduct> scan(long cooperativeId, @Nullable String codeOrBarcode) {
        if (codeOrBarcode == null || codeOrBarcode.isBlank() || codeOrBarcode.length() > 32) {
            return Optional.empty();
        }
        String t = codeOrBarcode.strip();
        return dsl.selectFrom(SHOP_PRODUCT).where(SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_PRODUCT.ACTIVE.isTrue())
                        .and(SHOP_PRODUCT.BARCODE.eq(t).or(SHOP_PRODUCT.CODE.eq(t.toUpperCase(Locale.ROOT)))))
                .orderBy(SHOP_PRODUCT.ID).limit(1).fetchOptional(ShopCatalogue::toProduct);
    }

    /** The name of the product joined into a query that selected both its names (NAME_EN and NAME_ID). */
    static ShopName name(Record r) {
        return new ShopName(r.get(SHOP_PRODUCT.NAME_EN), r.get(SHOP_PRODUCT.NAME_ID));
    }

    static ShopProduct toProduct(Record r) {
        return new ShopProduct(r.get(SHOP_PRODUCT.ID), r.get(SHOP_PRODUCT.COOPERATIVE_ID), r.get(SHOP_PRODUCT.CODE),
                r.get(SHOP_PRODUCT.BARCODE), r.get(SHOP_PRODUCT.NAME_EN), r.get(SHOP_PRODUCT.NAME_ID), r.get(SHOP_PRODUCT.UNIT),
                r.get(SHOP_PRODUCT.CATEGORY), r.get(SHOP_PRODUCT.SALE_PRICE), r.get(SHOP_PRODUCT.MEMBER_PRICE),
                r.get(SHOP_PRODUCT.TAXABLE), r.get(SHOP_PRODUCT.ACTIVE), r.get(SHOP_PRODUCT.ALLOWS_NEGATIVE),
                r.get(SHOP_PRODUCT.REORDER_LEVEL), r.get(SHOP_PRODUCT.STOCK_QUANTITY), r.get(SHOP_PRODUCT.STOCK_VALUE),
                r.get(SHOP_PRODUCT.UNIT_COST));
    }
}
