/** The shop API for integrations: the catalogue, sales with their receipt and journal entry, stock valuation, sales reports. */
@NullMarked
package org.lumbung.sales.api;

import org.jspecify.annotations.NullMarked;
