/** The remittance API: record a receipt with its allocation (idempotent), list receipts. */
@NullMarked
package org.lumbung.remittance.api;

import org.jspecify.annotations.NullMarked;
