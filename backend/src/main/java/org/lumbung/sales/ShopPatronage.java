package org.lumbung.sales;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.money.Amounts;
import org.lumbung.reports.PatronageContributor;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.lumbung.db.jooq.Tables.SHOP_PURCHASE;

/** The shop's two parts of each member's patronage in a fiscal year: what she bought, what she sold to the shop. */
final class ShopPatronage {

    private ShopPatronage() {
    }

    /** What the member bought at the shop in the fiscal year: her sales' totals less her returns'. */
    @Component
    static class Bought implements PatronageContributor {

        private final SaleRows rows;

        Bought(SaleRows rows) {
            this.rows = rows;
        }

        @Override
        public String key() {
            return "sales.patronage.bought";
        }

        @Override
        public Map<Long, BigDecimal> patronage(Cooperative c, Year year) {
            Map<Long, BigDecimal> bought = new HashMap<>(rows.totalsByMember(c.id(), Sale.Kind.SALE, FiscalYears.first(c, year),
                    FiscalYears.last(c, year)));
            rows.totalsByMember(c.id(), Sale.Kind.RETURN, FiscalYears.first(c, year), FiscalYears.last(c, year))
                    .forEach((member, returned) -> bought.merge(member, returned.negate(), BigDecimal::add));
            return bought.entrySet().stream().filter(e -> e.getValue().signum() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> Amounts.normalise(e.getValue(), c.baseCurrency())));
        }
    }

    /** What the member sold to the shop (her produce) in the fiscal year, at the purchases' totals. */
    @Component
    static class Sold implements PatronageContributor {

        private final DSLContext dsl;

        Sold(DSLContext dsl) {
            this.dsl = dsl;
        }

        @Override
        public String key() {
            return "sales.patronage.sold";
        }

        @Override
        public Map<Long, BigDecimal> patronage(Cooperative c, Year year) {
            return dsl.select(SHOP_PURCHASE.SUPPLIER_MEMBER_ID, DSL.sum(SHOP_PURCHASE.TOTAL)).from(SHOP_PURCHASE)
                    .where(SHOP_PURCHASE.COOPERATIVE_ID.eq(c.id()).and(SHOP_PURCHASE.SUPPLIER_MEMBER_ID.isNotNull())
                            .and(SHOP_PURCHASE.VALUE_DATE.between(FiscalYears.first(c, year), FiscalYears.last(c, year))))
                    .groupBy(SHOP_PURCHASE.SUPPLIER_MEMBER_ID).fetch().stream()
                    .collect(Collectors.toMap(r -> r.value1(), r -> Amounts.normalise(r.value2(), c.baseCurrency())));
        }
    }
}
