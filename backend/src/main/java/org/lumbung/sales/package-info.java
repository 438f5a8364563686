/**
 * The cooperative's shop (issue 14): shop products (goods, not the savings or loan products), stock at the shop
 * and the warehouse at moving weighted-average cost, sales to members and walk-in customers paid in cash, on the
 * member's shop credit or from her voluntary savings, returns against the original sale, purchases from suppliers
 * (members selling their produce among them) with their payables, stock counts, and each member's patronage.
 * Every event that moves value is one balanced journal entry through {@link org.lumbung.ledger.LedgerService},
 * posted to the accounts of {@link org.lumbung.sales.SalesAccountRole}.
 */
@NullMarked
package org.lumbung.sales;

import org.jspecify.annotations.NullMarked;
