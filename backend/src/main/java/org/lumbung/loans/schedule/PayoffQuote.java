package org.lumbung.loans.schedule;

import java.math.BigDecimal;

/** What it takes to close a loan on a date, by component; {@code total} is their sum. */
public record PayoffQuote(String currency, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                          BigDecimal penalty, BigDecimal total) {
}
