package org.lumbung.fx;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A recorded rate as the rates screen lists it: ACTIVE, PENDING (waits for a chair) or REJECTED, and who entered it. */
public record RateRow(long id, String currency, LocalDate rateDate, BigDecimal rate, String source, String status,
                      String enteredBy) {
}
