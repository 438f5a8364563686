package org.lumbung.loans.closing;

import java.math.BigDecimal;

/** A cooperative's rule for one class: from how many days past due a loan is in it, and its provision rate. */
public record ClassRule(Collectibility collectibility, int minDaysPastDue, BigDecimal provisionRate) {
}
