package org.lumbung.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The rate a receipt converts at: its value, the date it is of, and whether it was entered or the dated rate. */
public record AppliedRate(BigDecimal rate, LocalDate date, RateSource source) {
}
