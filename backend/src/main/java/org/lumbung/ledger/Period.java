package org.lumbung.ledger;

import java.time.Instant;
import java.time.YearMonth;

/** A month of the books: closed (with who and when) or open. */
public record Period(YearMonth month, boolean closed, String closedBy, Instant closedAt) {
}
