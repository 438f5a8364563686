/**
 * Currencies and foreign exchange: dated exchange rates per cooperative (lookup by value date, stale and
 * outlying rates, a chair's confirmation), the foreign-currency accounts (cash, bank, positions, savings) and
 * the FX gains and losses, realized and unrealized.
 */
@NullMarked
package org.lumbung.fx;

import org.jspecify.annotations.NullMarked;
