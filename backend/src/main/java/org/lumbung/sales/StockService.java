package org.lumbung.sales;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.ledger.LedgerQueries;
import org.lumbung.ledger.PostingLine;
import org.lumbung.ledger.PostingResult;
import org.lumbung.ledger.Precondition;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.money.Amounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.lumbung.db.jooq.Tables.SHOP_LOCATION;
import static org.lumbung.db.jooq.Tables.SHOP_PRODUCT;
import static org.lumbung.db.jooq.Tables.SHOP_STOCK;
import static org.lumbung.db.jooq.Tables.SHOP_STOCK_MOVEMENT;

/**
 * Stock levels with low-stock alerts, the valuation as of any day, the movements, and the stock events that are not
 * sales or purchases: transfers between the shop and the warehouse (no value moves), spoilage and adjustments (to
 * the spoilage and count-difference expense at the average cost) and stock counts (each difference an adjustment).
 */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class StockService {

    static final int MAX_REASON = 200;
    static final int MAX_COUNT_LINES = 500;

    private final DSLContext dsl;
    private final StockBook stock;
    private final ShopBooking booking;
    private final ShopCatalogue catalogue;
    private final LedgerQueries ledger;

    StockService(DSLContext dsl, StockBook stock, ShopBooking booking, ShopCatalogue catalogue, LedgerQueries ledger) {
        this.dsl = dsl;
        this.stock = stock;
        this.booking = booking;
        this.catalogue = catalogue;
        this.ledger = ledger;
    }

    /** Every product's stock now, per location, lowest first relative to its reorder level. */
    public List<StockLevel> levels(long cooperativeId) {
        Map<Long, Map<String, BigDecimal>> byLocation = new HashMap<>();
        dsl.select(SHOP_STOCK.PRODUCT_ID, SHOP_LOCATION.CODE, SHOP_STOCK.QUANTITY).from(SHOP_STOCK)
                .join(SHOP_LOCATION).on(SHOP_LOCATION.ID.eq(SHOP_STOCK.LOCATION_ID))
                .where(SHOP_STOCK.COOPERATIVE_ID.eq(cooperativeId))
                .forEach(r -> byLocation.computeIfAbsent(r.value1(), k -> new TreeMap<>()).put(r.value2(), r.value3()));
        return catalogue.products(cooperativeId, false).stream()
                .map(p -> new StockLevel(p, p.stockQuantity(), byLocation.getOrDefault(p.id(), Map.of()), p.stockValue(), p.lowStock()))
                .sorted(Comparator.comparing((StockLevel l) -> !l.low()).thenComparing(l -> l.product().code()))
                .toList();
    }

    /** The products at or below their reorder level (the alert on the stock screen and the dashboard). */
    public List<StockLevel> lowStock(long cooperativeId) {
        return levels(cooperativeId).stream().filter(StockLevel::low).toList();
    }

    /** Quantity and value of each product at the end of {@code asOf}, and the inventory account that day. */
    public StockValuation valuation(long cooperativeId, LocalDate asOf) {
        DomainException.require(asOf != null, "sales.as-of.missing");
        String currency = booking.cooperative(cooperativeId).baseCurrency();
        var q = DSL.coalesce(DSL.sum(SHOP_STOCK_MOVEMENT.QUANTITY), BigDecimal.ZERO);
        var v = DSL.coalesce(DSL.sum(SHOP_STOCK_MOVEMENT.VALUE), BigDecimal.ZERO);
        List<StockValuation.Line> lines = dsl.select(SHOP_PRODUCT.ID, SHOP_PRODUCT.CODE, SHOP_PRODUCT.NAME_EN, SHOP_PRODUCT.NAME_ID,
                        SHOP_PRODUCT.UNIT, q, v)
                .from(SHOP_PRODUCT).leftJoin(SHOP_STOCK_MOVEMENT).on(SHOP_STOCK_MOVEMENT.PRODUCT_ID.eq(SHOP_PRODUCT.ID)
                        .and(SHOP_STOCK_MOVEMENT.VALUE_DATE.le(asOf)))
                .where(SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId))
                .groupBy(SHOP_PRODUCT.ID).orderBy(SHOP_PRODUCT.CODE).limit(ShopCatalogue.MAX_PAGE)
                .fetch(r -> new StockValuation.Line(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        Amounts.normalise(r.value7(), currency)));
        BigDecimal total = lines.stream().map(StockValuation.Line::value).reduce(Amounts.round(BigDecimal.ZERO, currency), BigDecimal::add);
        BigDecimal inventory = booking.existingCode(cooperativeId, SalesAccountRole.SHOP_INVENTORY)
                .map(code -> ledger.balanceAsOf(cooperativeId, code, asOf)).orElse(Amounts.round(BigDecimal.ZERO, currency));
        return new StockValuation(asOf, lines, total, inventory);
    }

    /** Movements newest first, of one product or all (productId null), with value dates in [from, to]. */
    public List<StockMovement> movements(long cooperativeId, @Nullable Long productId, LocalDate from, LocalDate to, int offset, int limit) {
        DomainException.require(offset >= 0 && limit > 0 && limit <= SaleRows.MAX_PAGE, "page.invalid", SaleRows.MAX_PAGE);
        return dsl.select(SHOP_STOCK_MOVEMENT.asterisk(), SHOP_PRODUCT.CODE, SHOP_PRODUCT.NAME_EN, SHOP_PRODUCT.NAME_ID, SHOP_LOCATION.CODE)
                .from(SHOP_STOCK_MOVEMENT).join(SHOP_PRODUCT).on(SHOP_PRODUCT.ID.eq(SHOP_STOCK_MOVEMENT.PRODUCT_ID))
                .join(SHOP_LOCATION).on(SHOP_LOCATION.ID.eq(SHOP_STOCK_MOVEMENT.LOCATION_ID))
                .where(movementFilter(cooperativeId, productId, from, to))
                .orderBy(SHOP_STOCK_MOVEMENT.VALUE_DATE.desc(), SHOP_STOCK_MOVEMENT.ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new StockMovement(r.get(SHOP_STOCK_MOVEMENT.ID), r.get(SHOP_STOCK_MOVEMENT.PRODUCT_ID),
                        r.get(SHOP_PRODUCT.CODE), ShopCatalogue.name(r), r.get(SHOP_LOCATION.CODE),
                        StockMovement.Kind.valueOf(r.get(SHOP_STOCK_MOVEMENT.KIND)), r.get(SHOP_STOCK_MOVEMENT.QUANTITY),
                        r.get(SHOP_STOCK_MOVEMENT.VALUE), r.get(SHOP_STOCK_MOVEMENT.QUANTITY_AFTER), r.get(SHOP_STOCK_MOVEMENT.VALUE_AFTER),
                        r.get(SHOP_STOCK_MOVEMENT.VALUE_DATE), r.get(SHOP_STOCK_MOVEMENT.REASON), r.get(SHOP_STOCK_MOVEMENT.SALE_ID),
                        r.get(SHOP_STOCK_MOVEMENT.PURCHASE_ID), r.get(SHOP_STOCK_MOVEMENT.JOURNAL_ENTRY_ID),
                        r.get(SHOP_STOCK_MOVEMENT.RECORDED_BY), r.get(SHOP_STOCK_MOVEMENT.RECORDED_AT).toInstant()));
    }

    public int movementCount(long cooperativeId, @Nullable Long productId, LocalDate from, LocalDate to) {
        return dsl.fetchCount(SHOP_STOCK_MOVEMENT, movementFilter(cooperativeId, productId, from, to));
    }

    private static Condition movementFilter(long cooperativeId, @Nullable Long productId, LocalDate from, LocalDate to) {
        DomainException.require(from != null && to != null && !to.isBefore(from), "sales.period.invalid");
        Condition c = SHOP_STOCK_MOVEMENT.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_STOCK_MOVEMENT.VALUE_DATE.between(from, to));
        return productId == null ? c : c.and(SHOP_STOCK_MOVEMENT.PRODUCT_ID.eq(productId));
    }

    /** Moves goods between the shop and the warehouse: quantities change place, no value moves, no entry. */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_SHOP')")
    public void transfer(long cooperativeId, long productId, StockLocation.Kind from, BigDecimal quantity, @Nullable LocalDate valueDate,
                         @Nullable String reason) {
        DomainException.require(from != null, "sales.location.missing");
        BigDecimal q = Quantities.requireCount(quantity, false);
        LocalDate date = booking.valueDate(booking.cooperative(cooperativeId), valueDate);
        ShopProduct p = Objects.requireNonNull(stock.lock(cooperativeId, List.of(productId)).get(productId));
        long source = stock.location(cooperativeId, from).id();
        long target = stock.location(cooperativeId, from == StockLocation.Kind.SHOP ? StockLocation.Kind.WAREHOUSE
                : StockLocation.Kind.SHOP).id();
        stock.requireAvailable(p, source, q);
        WeightedAverage same = new WeightedAverage(p.stockQuantity(), p.stockValue(), p.unitCost());
        String why = reason(reason, false);
        stock.record(cooperativeId, List.of(
                new StockBook.Change(productId, source, StockMovement.Kind.TRANSFER, q.negate(), BigDecimal.ZERO, date, why, null, null,
                        null, same),
                new StockBook.Change(productId, target, StockMovement.Kind.TRANSFER, q, BigDecimal.ZERO, date, why, null, null, null,
                        same)));
    }

    /** Spoiled or lost goods taken out of a location at the average cost, to the spoilage expense. */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_SHOP')")
    public void spoil(long cooperativeId, long productId, StockLocation.Kind at, BigDecimal quantity, @Nullable LocalDate valueDate,
                      String reason, String idempotencyKey) {
        adjust(cooperativeId, productId, at, Quantities.requireCount(quantity, false).negate(), StockMovement.Kind.SPOILAGE,
                valueDate, reason(reason, true), idempotencyKey);
    }

    /**
     * A stock count of one location: for each product counted, the difference to what the location holds is posted
     * as an adjustment (a surplus at the average cost). Products not counted are left as they are.
     */
    @Transactional
    @PreAuthorize("@access.may('MANAGE_SHOP')")
    public int count(long cooperativeId, StockLocation.Kind at, Map<Long, BigDecimal> counted, @Nullable LocalDate valueDate,
                     String idempotencyKey) {
        DomainException.require(at != null, "sales.location.missing");
        DomainException.require(counted != null && !counted.isEmpty() && counted.size() <= MAX_COUNT_LINES, "sales.count.size",
                MAX_COUNT_LINES);
        ShopBooking.requireKey(idempotencyKey);
        long location = stock.location(cooperativeId, at).id();
        int adjusted = 0;
        for (Map.Entry<Long, BigDecimal> e : new TreeMap<>(counted).entrySet()) {
            BigDecimal q = Quantities.requireCount(e.getValue(), true);
            stock.lock(cooperativeId, List.of(e.getKey()));
            BigDecimal difference = q.subtract(stock.quantityAt(e.getKey(), location));
            if (difference.signum() != 0) {
                adjust(cooperativeId, e.getKey(), at, difference, StockMovement.Kind.ADJUSTMENT, valueDate, "stock count",
                        idempotencyKey + ":" + e.getKey());
                adjusted++;
            }
        }
        return adjusted;
    }

    /** Posts a signed quantity in or out at the average cost against the spoilage and count-difference expense. */
    private void adjust(long cooperativeId, long productId, StockLocation.Kind at, BigDecimal delta, StockMovement.Kind kind,
                        @Nullable LocalDate valueDate, @Nullable String reason, String key) {
        DomainException.require(at != null, "sales.location.missing");
        ShopBooking.requireKey(key);
        Cooperative c = booking.cooperative(cooperativeId);
        LocalDate date = booking.valueDate(c, valueDate);
        ShopProduct p = Objects.requireNonNull(stock.lock(cooperativeId, List.of(productId)).get(productId));
        long location = stock.location(cooperativeId, at).id();
        WeightedAverage before = new WeightedAverage(p.stockQuantity(), p.stockValue(), p.unitCost());
        BigDecimal value;
        WeightedAverage after;
        if (delta.signum() < 0) {
            stock.requireAvailable(p, location, delta.negate());
            value = Amounts.normalise(before.issueCost(delta.negate(), c.baseCurrency()), c.baseCurrency()).negate();
            after = before.issue(delta.negate(), value.negate());
        } else {
            value = Amounts.round(delta.multiply(p.unitCost()), c.baseCurrency());
            after = before.receive(delta, value);
        }
        Long entryId = null;
        if (value.signum() != 0) {
            PostingResult posted = postAdjustment(cooperativeId, p, kind, value, date, key);
            if (posted.replayed()) {
                return;
            }
            entryId = posted.entry().id();
        }
        stock.record(cooperativeId, List.of(new StockBook.Change(productId, location, kind, delta, value, date, reason, null, null,
                entryId, after)));
    }

    private PostingResult postAdjustment(long cooperativeId, ShopProduct p, StockMovement.Kind kind, BigDecimal value, LocalDate date,
                                String key) {
        String expense = booking.code(cooperativeId, SalesAccountRole.SHOP_STOCK_ADJUSTMENT);
        String inventory = booking.code(cooperativeId, SalesAccountRole.SHOP_INVENTORY);
        List<PostingLine> lines = value.signum() < 0
                ? List.of(PostingLine.debit(expense, value.negate()), PostingLine.credit(inventory, value.negate()))
                : List.of(PostingLine.debit(inventory, value), PostingLine.credit(expense, value));
        return booking.post(cooperativeId, key, date, "SHOP_%s %s".formatted(kind.name(), p.code()), p.code(), lines,
                Precondition.NONE);
    }

    private static @Nullable String reason(@Nullable String reason, boolean required) {
        DomainException.require(reason == null || reason.length() <= MAX_REASON, "sales.reason.too-long", MAX_REASON);
        DomainException.require(!required || (reason != null && !reason.isBlank()), "sales.reason.missing");
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** The locations: the shop and the warehouse (opened with the first product). */
    public List<StockLocation> locations(long cooperativeId) {
        List<StockLocation> all = new ArrayList<>();
        for (StockLocation.Kind k : StockLocation.Kind.values()) {
            all.add(stock.location(cooperativeId, k));
        }
        return all;
    }
}
