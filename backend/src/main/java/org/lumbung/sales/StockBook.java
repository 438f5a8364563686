package org.lumbung.sales;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.lumbung.security.CurrentActor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static org.lumbung.db.jooq.Tables.SHOP_LOCATION;
import static org.lumbung.db.jooq.Tables.SHOP_PRODUCT;
import static org.lumbung.db.jooq.Tables.SHOP_STOCK;
import static org.lumbung.db.jooq.Tables.SHOP_STOCK_MOVEMENT;

/**
 * The stock book: every change of stock goes through here, in the transaction of its journal entry.
 *
 * <p>Why product row locks and not a ledger {@link org.lumbung.ledger.Precondition} alone: quantities are not in
 * the ledger (it holds the value), and a precondition may not read the database. So every stock event first locks
 * the rows of its products ({@code FOR NO KEY UPDATE}, in id order, before the ledger's head and accounts, which
 * nothing locks in the other order), reads the quantities and the average cost under that lock, checks that no
 * location goes below zero, and only then posts: two sales of the last packet run one after the other and the
 * second is refused. The money side of each sale (credit limit, savings minimum) is a precondition under the
 * ledger's locks.
 */
@Component
class StockBook {

    private final DSLContext dsl;

    StockBook(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A change to record: signed quantity and value (value at cost, as posted to the inventory account), and the
     * product's position right after it — a product on two lines of one event has two positions, one after each.
     */
    record Change(long productId, long locationId, StockMovement.Kind kind, BigDecimal quantity, BigDecimal value,
                  LocalDate valueDate, @Nullable String reason, @Nullable Long saleId, @Nullable Long purchaseId,
                  @Nullable Long journalEntryId, WeightedAverage after) {
    }

    /** Locks the products (id order: concurrent events never deadlock) and returns them as they stand now. */
    Map<Long, ShopProduct> lock(long cooperativeId, Collection<Long> productIds) {
        Map<Long, ShopProduct> locked = new LinkedHashMap<>();
        for (ShopProduct p : dsl.selectFrom(SHOP_PRODUCT).where(SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SHOP_PRODUCT.ID.in(new TreeSet<>(productIds)))).orderBy(SHOP_PRODUCT.ID).forNoKeyUpdate()
                .fetch(ShopCatalogue::toProduct)) {
            locked.put(p.id(), p);
        }
        for (Long id : productIds) {
            DomainException.require(locked.containsKey(id), "sales.product.not-found", id);
        }
        return locked;
    }

    /** What a location holds of a product (read under the product's lock). */
    BigDecimal quantityAt(long productId, long locationId) {
        BigDecimal q = dsl.select(SHOP_STOCK.QUANTITY).from(SHOP_STOCK)
                .where(SHOP_STOCK.PRODUCT_ID.eq(productId).and(SHOP_STOCK.LOCATION_ID.eq(locationId)))
                .fetchOne(SHOP_STOCK.QUANTITY);
        return q == null ? BigDecimal.ZERO : q;
    }

    /** Refuses taking {@code quantity} out of a location that holds less, unless the product may go below zero. */
    void requireAvailable(ShopProduct product, long locationId, BigDecimal quantity) {
        requireAvailable(Map.of(product.id(), product), locationId, Map.of(product.id(), quantity));
    }

    /** As {@link #requireAvailable(ShopProduct, long, BigDecimal)} for several products, read in one query. */
    void requireAvailable(Map<Long, ShopProduct> products, long locationId, Map<Long, BigDecimal> wanted) {
        Map<Long, BigDecimal> held = dsl.select(SHOP_STOCK.PRODUCT_ID, SHOP_STOCK.QUANTITY).from(SHOP_STOCK)
                .where(SHOP_STOCK.PRODUCT_ID.in(wanted.keySet()).and(SHOP_STOCK.LOCATION_ID.eq(locationId)))
                .fetchMap(SHOP_STOCK.PRODUCT_ID, SHOP_STOCK.QUANTITY);
        wanted.forEach((id, quantity) -> {
            ShopProduct product = Objects.requireNonNull(products.get(id), "every product wanted was locked");
            BigDecimal h = held.getOrDefault(id, BigDecimal.ZERO);
            DomainException.require(product.allowsNegative() || h.compareTo(quantity) >= 0, "sales.stock.insufficient",
                    product.code(), h.stripTrailingZeros().toPlainString(), quantity.stripTrailingZeros().toPlainString());
        });
    }

    /**
     * Records the changes in order: the product's totals and average, the location's quantity, the movement row —
     * all sent to the database in one batch (a sale of ten lines is thirty statements, one round trip).
     */
    void record(long cooperativeId, List<Change> changes) {
        String actor = CurrentActor.name();
        List<Query> statements = new ArrayList<>(changes.size() * 3);
        for (Change c : changes) {
            WeightedAverage after = c.after();
            statements.add(dsl.update(SHOP_PRODUCT).set(SHOP_PRODUCT.STOCK_QUANTITY, after.quantity())
                    .set(SHOP_PRODUCT.STOCK_VALUE, after.value())
                    .set(SHOP_PRODUCT.UNIT_COST, after.unitCost()).where(SHOP_PRODUCT.ID.eq(c.productId())));
            statements.add(dsl.insertInto(SHOP_STOCK).set(SHOP_STOCK.PRODUCT_ID, c.productId()).set(SHOP_STOCK.LOCATION_ID, c.locationId())
                    .set(SHOP_STOCK.COOPERATIVE_ID, cooperativeId).set(SHOP_STOCK.QUANTITY, c.quantity())
                    .onConflict(SHOP_STOCK.PRODUCT_ID, SHOP_STOCK.LOCATION_ID).doUpdate()
                    .set(SHOP_STOCK.QUANTITY, SHOP_STOCK.QUANTITY.plus(c.quantity())));
            statements.add(dsl.insertInto(SHOP_STOCK_MOVEMENT)
                    .set(SHOP_STOCK_MOVEMENT.COOPERATIVE_ID, cooperativeId)
                    .set(SHOP_STOCK_MOVEMENT.PRODUCT_ID, c.productId())
                    .set(SHOP_STOCK_MOVEMENT.LOCATION_ID, c.locationId())
                    .set(SHOP_STOCK_MOVEMENT.KIND, c.kind().name())
                    .set(SHOP_STOCK_MOVEMENT.QUANTITY, c.quantity())
                    .set(SHOP_STOCK_MOVEMENT.VALUE, c.value())
                    .set(SHOP_STOCK_MOVEMENT.QUANTITY_AFTER, after.quantity())
                    .set(SHOP_STOCK_MOVEMENT.VALUE_AFTER, after.value())
                    .set(SHOP_STOCK_MOVEMENT.VALUE_DATE, c.valueDate())
                    .set(SHOP_STOCK_MOVEMENT.REASON, c.reason())
                    .set(SHOP_STOCK_MOVEMENT.SALE_ID, c.saleId())
                    .set(SHOP_STOCK_MOVEMENT.PURCHASE_ID, c.purchaseId())
                    .set(SHOP_STOCK_MOVEMENT.JOURNAL_ENTRY_ID, c.journalEntryId())
                    .set(SHOP_STOCK_MOVEMENT.RECORDED_BY, actor));
        }
        dsl.batch(statements).execute();
    }

    /** The cooperative's location of that kind (the shop and the warehouse are made with the first product). */
    StockLocation location(long cooperativeId, StockLocation.Kind kind) {
        return dsl.selectFrom(SHOP_LOCATION).where(SHOP_LOCATION.COOPERATIVE_ID.eq(cooperativeId)
                        .and(SHOP_LOCATION.KIND.eq(kind.name()))).orderBy(SHOP_LOCATION.ID).limit(1)
                .fetchOptional(r -> new StockLocation(r.getId(), r.getCode(), StockLocation.Kind.valueOf(r.getKind()),
                        r.getNameEn(), r.getNameId()))
                .orElseThrow(() -> DomainException.notFound("sales.location.not-found", kind.name()));
    }

    /** Opens the shop and the warehouse once per cooperative. */
    void openLocations(long cooperativeId) {
        dsl.insertInto(SHOP_LOCATION, SHOP_LOCATION.COOPERATIVE_ID, SHOP_LOCATION.CODE, SHOP_LOCATION.KIND,
                        SHOP_LOCATION.NAME_EN, SHOP_LOCATION.NAME_ID)
                .values(cooperativeId, "SHOP", "SHOP", "Shop", "Toko")
                .values(cooperativeId, "WAREHOUSE", "WAREHOUSE", "Warehouse", "Gudang")
                .onConflictDoNothing().execute();
    }
}
