/**
 * The shop's screens (issue 14): the counter (keyboard first), sales and returns, the product catalogue, stock
 * levels with low-stock alerts and the valuation, stock movements, the stock count, purchases and their payment.
 * They call the services of {@code org.lumbung.sales}, never the database.
 */
@NullMarked
package org.lumbung.ui.sales;

import org.jspecify.annotations.NullMarked;
