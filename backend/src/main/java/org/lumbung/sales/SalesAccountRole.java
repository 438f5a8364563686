package org.lumbung.sales;

import org.lumbung.ledger.AccountRole;

/** The shop's accounts in a chart template (codes in {@code roles/sales.properties}). */
public enum SalesAccountRole implements AccountRole {
    /** Goods in stock at cost (Persediaan Barang); equals the stock valuation. */
    SHOP_INVENTORY,
    /** Sales revenue (Penjualan). */
    SHOP_SALES,
    /** Cost of the goods sold at moving weighted-average cost (Harga Pokok Penjualan). */
    SHOP_COST_OF_GOODS_SOLD,
    /** Control account of what members bought on credit; each member has a sub-account under it. */
    SHOP_MEMBER_CREDIT,
    /** What the shop owes its suppliers; a member selling her produce has a sub-account under it. */
    SHOP_SUPPLIER_PAYABLES,
    /** Sales taken back (Retur Penjualan), a contra-revenue account. */
    SHOP_SALES_RETURNS,
    /** Spoiled goods and stock count differences (Beban Barang Rusak dan Selisih Persediaan). */
    SHOP_STOCK_ADJUSTMENT
}
