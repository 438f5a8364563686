package org.lumbung.loans.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One scheduled instalment; {@code total = principal + interest}, every amount at the currency's minor units. */
public record Instalment(int number, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal total) {
}
