package org.lumbung.sales;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record6;
import org.jooq.SelectHavingStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.lumbung.platform.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import static org.lumbung.db.jooq.Tables.MEMBER;
import static org.lumbung.db.jooq.Tables.SHOP_PRODUCT;
import static org.lumbung.db.jooq.Tables.SHOP_SALE;
import static org.lumbung.db.jooq.Tables.SHOP_SALE_LINE;

/**
 * The shop's reports: sales by product, category, member or month with their cost and gross margin, and the slow
 * movers. Sales are net of returns (a return counts on its own date, against the product and customer of its sale)
 * and after discounts; the cost is what the goods left stock with, so the margin of a period is exactly its sales
 * revenue less returns less the cost of goods sold in the ledger. The stock valuation is {@link StockService#valuation}.
 */
@Service
@PreAuthorize("@access.may('READ_SHOP')")
public class ShopReports {

    static final int MAX_ROWS = 500;
    static final int MAX_SLOW_DAYS = 366;

    public enum By { PRODUCT, CATEGORY, MEMBER, MONTH }

    /**
     * One row: its key (product code, category, member number or yyyy-MM; empty for walk-in customers), its label
     * (the product's name in both languages, the member's name), the quantity sold (net; not summed across units for a member or a month),
     * sales, cost and margin.
     */
    public record Row(String key, ShopName label, BigDecimal quantity, BigDecimal sales, BigDecimal cost) {
        public BigDecimal margin() {
            return sales.subtract(cost);
        }

        /** The margin as a percentage of sales, two decimals; zero without sales. */
        public BigDecimal marginPercent() {
            return sales.signum() == 0 ? BigDecimal.ZERO
                    : margin().multiply(BigDecimal.valueOf(100)).divide(sales, 2, RoundingMode.HALF_EVEN);
        }
    }

    /** A product holding stock, how much of it sold in the window, and when it last sold (null: not in the window). */
    public record SlowMover(long productId, String code, ShopName name, String unit, BigDecimal stockQuantity, BigDecimal stockValue,
                            BigDecimal sold, @Nullable LocalDate lastSale) {
    }

    private final DSLContext dsl;

    ShopReports(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A period's sales by one dimension: at most {@link #MAX_ROWS} rows, the largest sales first (months in order), and
     * the total of the whole period, summed by the database over every sale, listed or not, with how many rows there are.
     */
    public record Sales(List<Row> rows, Row total, int rowCount) {

        public Sales {
            rows = List.copyOf(rows);
        }

        /** Whether every row is listed: otherwise only the largest are, and the total still covers all. */
        public boolean complete() {
            return rows.size() == rowCount;
        }
    }

    /** Sales with value dates in [from, to] by the dimension asked. */
    public Sales sales(long cooperativeId, By by, LocalDate from, LocalDate to) {
        return sales(cooperativeId, by, from, to, MAX_ROWS);
    }

    Sales sales(long cooperativeId, By by, LocalDate from, LocalDate to, int maxRows) {
        DomainException.require(by != null, "sales.report.dimension.missing");
        var sign = DSL.when(SHOP_SALE.KIND.eq(Sale.Kind.RETURN.name()), BigDecimal.ONE.negate()).otherwise(BigDecimal.ONE);
        Field<BigDecimal> quantity = DSL.sum(SHOP_SALE_LINE.QUANTITY.mul(sign));
        Field<BigDecimal> sales = DSL.sum(SHOP_SALE_LINE.AMOUNT.mul(sign));
        Field<BigDecimal> cost = DSL.sum(SHOP_SALE_LINE.COST.mul(sign));
        Field<String> key = key(by);
        Field<String> labelEn = label(by, SHOP_PRODUCT.NAME_EN);
        Field<String> labelId = label(by, SHOP_PRODUCT.NAME_ID);
        Condition inPeriod = SHOP_SALE.COOPERATIVE_ID.eq(cooperativeId).and(SaleRows.period(from, to));
        // jOOQ's select steps change the query they belong to: each use builds its own
        Supplier<SelectHavingStep<Record6<String, String, String, BigDecimal, BigDecimal, BigDecimal>>> grouped = () ->
                dsl.select(key, labelEn, labelId, quantity, sales, cost)
                        .from(SHOP_SALE_LINE).join(SHOP_SALE).on(SHOP_SALE.ID.eq(SHOP_SALE_LINE.SALE_ID))
                        .join(SHOP_PRODUCT).on(SHOP_PRODUCT.ID.eq(SHOP_SALE_LINE.PRODUCT_ID))
                        .leftJoin(MEMBER).on(MEMBER.ID.eq(SHOP_SALE.MEMBER_ID))
                        .where(inPeriod).groupBy(key, labelEn, labelId);
        List<Row> rows = grouped.get().orderBy(sales.desc(), key).limit(maxRows)
                .fetch(r -> new Row(r.value1(), new ShopName(r.value2(), r.value3()), r.value4(), r.value5(), r.value6()));
        Comparator<Row> order = by == By.MONTH ? Comparator.comparing(Row::key)
                : Comparator.comparing(Row::sales).reversed().thenComparing(Row::key);
        Row total = dsl.select(quantity, sales, cost).from(SHOP_SALE_LINE).join(SHOP_SALE).on(SHOP_SALE.ID.eq(SHOP_SALE_LINE.SALE_ID))
                .where(inPeriod)
                .fetchSingle(r -> new Row("", ShopName.untranslated(""), zeroIfNone(r.value1()), zeroIfNone(r.value2()), zeroIfNone(r.value3())));
        int rowCount = rows.size() < maxRows ? rows.size() : dsl.fetchCount(grouped.get());
        return new Sales(rows.stream().sorted(order).toList(), total, rowCount);
    }

    private static BigDecimal zeroIfNone(@Nullable BigDecimal sum) {
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private static Field<String> key(By by) {
        return switch (by) {
            case PRODUCT -> SHOP_PRODUCT.CODE;
            case CATEGORY -> SHOP_PRODUCT.CATEGORY;
            case MEMBER -> DSL.coalesce(MEMBER.MEMBER_NUMBER.cast(String.class), DSL.inline(""));
            case MONTH -> DSL.field("to_char({0}, 'YYYY-MM')", String.class, SHOP_SALE.VALUE_DATE);
        };
    }

    /** The label of a row in one language: a product's name in it ({@code productName}), the rest the same in both. */
    private static Field<String> label(By by, Field<String> productName) {
        return switch (by) {
            case PRODUCT -> productName;
            case CATEGORY -> SHOP_PRODUCT.CATEGORY;
            case MEMBER -> DSL.coalesce(MEMBER.FULL_NAME, DSL.inline(""));
            case MONTH -> DSL.field("to_char({0}, 'YYYY-MM')", String.class, SHOP_SALE.VALUE_DATE);
        };
    }

    /**
     * The products holding stock that sold least in the {@code days} up to {@code asOf} (net of returns), those that
     * did not sell at all first, then the most stock value tied up; the last day each sold.
     */
    public List<SlowMover> slowMovers(long cooperativeId, LocalDate asOf, int days, int limit) {
        DomainException.require(asOf != null && days > 0 && days <= MAX_SLOW_DAYS, "sales.report.window.invalid", MAX_SLOW_DAYS);
        DomainException.require(limit > 0 && limit <= MAX_ROWS, "page.invalid", MAX_ROWS);
        LocalDate since = asOf.minus(days - 1L, ChronoUnit.DAYS);
        var sign = DSL.when(SHOP_SALE.KIND.eq(Sale.Kind.RETURN.name()), BigDecimal.ONE.negate()).otherwise(BigDecimal.ONE);
        var sold = DSL.select(SHOP_SALE_LINE.PRODUCT_ID, DSL.sum(SHOP_SALE_LINE.QUANTITY.mul(sign)).as("sold"),
                        DSL.max(SHOP_SALE.VALUE_DATE).filterWhere(SHOP_SALE.KIND.eq(Sale.Kind.SALE.name())).as("last_sale"))
                .from(SHOP_SALE_LINE).join(SHOP_SALE).on(SHOP_SALE.ID.eq(SHOP_SALE_LINE.SALE_ID))
                .where(SHOP_SALE.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_SALE.VALUE_DATE.between(since, asOf)))
                .groupBy(SHOP_SALE_LINE.PRODUCT_ID).asTable("sold");
        Field<BigDecimal> soldQuantity = DSL.coalesce(sold.field("sold", BigDecimal.class), BigDecimal.ZERO);
        return dsl.select(SHOP_PRODUCT.asterisk(), soldQuantity.as("q"), sold.field("last_sale", LocalDate.class))
                .from(SHOP_PRODUCT).leftJoin(sold).on(sold.field(SHOP_SALE_LINE.PRODUCT_ID).eq(SHOP_PRODUCT.ID))
                .where(SHOP_PRODUCT.COOPERATIVE_ID.eq(cooperativeId).and(SHOP_PRODUCT.ACTIVE.isTrue())
                        .and(SHOP_PRODUCT.STOCK_QUANTITY.gt(BigDecimal.ZERO)))
                .orderBy(soldQuantity.asc(), SHOP_PRODUCT.STOCK_VALUE.desc(), SHOP_PRODUCT.CODE).limit(limit)
                .fetch(ShopReports::slowMover);
    }

    private static SlowMover slowMover(Record r) {
        return new SlowMover(r.get(SHOP_PRODUCT.ID), r.get(SHOP_PRODUCT.CODE), ShopCatalogue.name(r), r.get(SHOP_PRODUCT.UNIT),
                r.get(SHOP_PRODUCT.STOCK_QUANTITY), r.get(SHOP_PRODUCT.STOCK_VALUE), r.get("q", BigDecimal.class),
                r.get("last_sale", LocalDate.class));
    }
}
